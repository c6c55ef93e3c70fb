// D10: a QR code for the guest link, drawn as one SVG path. The `qrcode` package encodes it
// (error correction M, any version the link needs); we only draw its modules, synchronously,
// so the link's panel renders in one pass.
import { create } from 'qrcode';

/** The dark modules as one SVG path, in module units (add a 4-module quiet zone around it). */
export function qrSvgPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${x},${y}h1v1h-1z`;
  }
  return { size: modules.size, path };
}
