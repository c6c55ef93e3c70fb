// H5: the status link as a QR code, drawn with the console's own encoder (video/qr.ts). The
// encoder arrives with the first ticket, not with the kiosk (issue 17: the first load stays
// small); until then, and if it cannot load, the printed address beside it is enough.
import { useEffect, useState } from 'react';

type Qr = { size: number; path: string };

export function LinkQr({ url, label }: { url: string; label: string }) {
  const [qr, setQr] = useState<Qr | null>(null);
  useEffect(() => {
    let current = true;
    import('../video/qr').then(
      ({ qrSvgPath }) => {
        try {
          if (current) setQr(qrSvgPath(url));
        } catch (err) {
          // Longer than the encoder's versions hold: the printed link remains.
          console.warn('status link too long for a QR code', err);
        }
      },
      (err: unknown) => console.warn('QR encoder did not load', err),
    );
    return () => {
      current = false;
    };
  }, [url]);
  if (!qr) return <div className="kiosk-qr kiosk-qr-pending" aria-hidden="true" />;
  return (
    <svg
      className="kiosk-qr"
      role="img"
      aria-label={label}
      data-testid="kiosk-qr"
      viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
      width="168"
      height="168"
      shapeRendering="crispEdges"
    >
      <rect x="-4" y="-4" width={qr.size + 8} height={qr.size + 8} fill="#fff" />
      <path d={qr.path} fill="#111827" />
    </svg>
  );
}
