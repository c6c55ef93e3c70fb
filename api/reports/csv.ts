// RFC 4180 CSV: fields with separators, quotes or line breaks are quoted (quotes doubled), and a
// field a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T extends object>(columns: (keyof T & string)[], rows: T[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`; // BOM: spreadsheets then read UTF-8 (tildes, ñ)
}
