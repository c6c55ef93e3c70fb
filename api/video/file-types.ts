// D12 upload allow-list: images, PDF and office documents. The type is decided from the file's
// first bytes (its magic number) and must agree with the extension; the client's Content-Type
// is never trusted, and what we store and serve is the mime decided here.
export type AllowedType = Readonly<{ ext: string[]; mime: string }>;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const RULES: ReadonlyArray<{
  magic: number[];
  offset?: number;
  also?: { bytes: number[]; offset: number };
  types: AllowedType[];
}> = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], types: [{ ext: ['png'], mime: 'image/png' }] },
  { magic: [0xff, 0xd8, 0xff], types: [{ ext: ['jpg', 'jpeg'], mime: 'image/jpeg' }] },
  { magic: [0x47, 0x49, 0x46, 0x38], types: [{ ext: ['gif'], mime: 'image/gif' }] },
  {
    magic: [0x52, 0x49, 0x46, 0x46],
    also: { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
    types: [{ ext: ['webp'], mime: 'image/webp' }],
  },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], types: [{ ext: ['pdf'], mime: 'application/pdf' }] },
  {
    magic: ZIP,
    types: [
      { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { ext: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
      { ext: ['odt'], mime: 'application/vnd.oasis.opendocument.text' },
      { ext: ['ods'], mime: 'application/vnd.oasis.opendocument.spreadsheet' },
    ],
  },
  {
    magic: OLE,
    types: [
      { ext: ['doc'], mime: 'application/msword' },
      { ext: ['xls'], mime: 'application/vnd.ms-excel' },
      { ext: ['ppt'], mime: 'application/vnd.ms-powerpoint' },
    ],
  },
];

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0): boolean =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

/** The mime to store, or undefined when the content is not an allowed type or lies about its extension. */
export function detectAllowedType(name: string, content: Uint8Array): string | undefined {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  for (const rule of RULES) {
    if (
      !startsWith(content, rule.magic, rule.offset) ||
      (rule.also && !startsWith(content, rule.also.bytes, rule.also.offset))
    )
      continue;
    return rule.types.find((t) => t.ext.includes(ext))?.mime;
  }
  return undefined;
}
