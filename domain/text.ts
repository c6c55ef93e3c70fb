// The one text schema (issue: input hygiene at the edge, once). Every text field of the API and
// of the SFU's events goes through it: PostgreSQL cannot store NUL, JSON and Temporal payloads
// choke on lone surrogates, and control characters have no business in a name or a note.
// Text is normalised to NFC, so "José" typed on two keyboards is one value.
import { z } from 'zod';

/** C0/C1 controls and DEL; a multi-line field keeps tab and newline. */
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `s` holds nothing the text schema refuses (for values checked outside zod, e.g. headers). */
export const isCleanText = (s: string, multiline = false): boolean =>
  !(multiline ? CONTROL_MULTI : CONTROL_LINE).test(s) && !LONE_SURROGATE.test(s);

export interface TextOptions {
  max: number;
  /** Minimum length after trimming; 1 makes the field required-non-empty. */
  min?: number;
  multiline?: boolean;
  /** Keep surrounding white space (passwords). */
  raw?: boolean;
}

/**
 * A text field: refuses over-long input before looking at it (a 1 MB string costs nothing),
 * then control characters and lone surrogates (`invalid_text`), then normalises and trims.
 */
export function text({ max, min = 0, multiline = false, raw = false }: TextOptions) {
  return z
    .string()
    .max(max, 'too_long')
    .refine((s) => isCleanText(multiline ? s.replace(/\r\n?/g, '\n') : s, multiline), 'invalid_text')
    .transform((s) => {
      const n = (multiline ? s.replace(/\r\n?/g, '\n') : s).normalize('NFC');
      return raw ? n : n.trim();
    })
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? 'required' : 'too_short')
        .max(max, 'too_long'),
    );
}

/** A required single-line name (people, branches, services…). */
export const name = (max = 120) => text({ max, min: 1 });
