// D10: the customer's anonymous link, as a hyperlink and a QR code.
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { qrSvgPath } from './qr';

export function GuestLink({ url }: { url: string }) {
  const t = useI18n().t.video;
  const qr = useMemo(() => qrSvgPath(url), [url]);
  return (
    <section className="vc-link">
      <h3>{t.link}</h3>
      <a href={url} target="_blank" rel="noreferrer" data-testid="guest-link">
        {url}
      </a>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(url).catch((err: unknown) => console.warn('copy refused', err))
        }
      >
        {t.copy}
      </button>
      <svg
        role="img"
        aria-label={t.qr}
        viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
        width="160"
        height="160"
        shapeRendering="crispEdges"
      >
        <rect x="-4" y="-4" width={qr.size + 8} height={qr.size + 8} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
    </section>
  );
}
