// H5: the status link as a QR code, drawn with the console's own encoder (video/qr.ts).
import { useMemo } from 'react';
import { qrSvgPath } from '../video/qr';

export function LinkQr({ url, label }: { url: string; label: string }) {
  const qr = useMemo(() => {
    try {
      return qrSvgPath(url);
    } catch (err) {
      // Longer than the encoder's versions hold: the printed link remains.
      console.warn('status link too long for a QR code', err);
      return null;
    }
  }, [url]);
  if (!qr) return null;
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
