// D12: the upload allow-list decides by content (magic bytes) and the extension must agree.
import { describe, expect, it } from 'vitest';
import { detectAllowedType } from './file-types.js';

const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array<number>(16).fill(0)]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0, 0]);

describe('D12: allowed file types', () => {
  it('accepts images, PDF and office documents whose content matches the extension', () => {
    expect(detectAllowedType('foto.PNG', PNG)).toBe('image/png');
    expect(detectAllowedType('foto.jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectAllowedType('foto.webp', WEBP)).toBe('image/webp');
    expect(detectAllowedType('contrato.pdf', new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectAllowedType('informe.docx', ZIP)).toMatch(/wordprocessingml/);
    expect(detectAllowedType('cuentas.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe(
      'application/vnd.ms-excel',
    );
  });

  it('refuses executables, scripts, archives and contents that lie about their extension', () => {
    expect(detectAllowedType('programa.exe', bytes(0x4d, 0x5a))).toBeUndefined();
    expect(detectAllowedType('pagina.html', new TextEncoder().encode('<html><script>'))).toBeUndefined();
    expect(detectAllowedType('foto.png', new TextEncoder().encode('<svg onload=alert(1)>'))).toBeUndefined();
    expect(detectAllowedType('todo.zip', ZIP)).toBeUndefined();
    expect(detectAllowedType('foto.pdf', PNG)).toBeUndefined();
    expect(
      detectAllowedType('riff.webp', Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20])),
    ).toBeUndefined();
  });
});
