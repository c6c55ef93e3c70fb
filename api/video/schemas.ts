import { z } from 'zod';
import { text } from '../../domain/text.js';

export const ChatBody = z.object({ body: text({ max: 2000, min: 1, multiline: true }) }).strict();
export const TagBody = z.object({ body: text({ max: 500, min: 1, multiline: true }) }).strict();
export const TermsBody = z.object({ text: text({ max: 1800, min: 1, multiline: true }) }).strict(); // the timeline keeps ≤ 2 KB per event
export const TermsAnswerBody = z
  .object({ termsId: z.string().max(40).pipe(z.uuid('invalid_format')), accepted: z.boolean() })
  .strict();
export const PresenceBody = z
  .object({
    event: z.enum(['joined', 'left']),
    sessionId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9-]{8,64}$/, 'invalid_format'),
  })
  .strict();

/** X-File-Name: URI-encoded; a bad % sequence or an unclean name is a field error, never a 500. */
export const FileNameHeader = z
  .string()
  .max(1000, 'too_long')
  .transform((raw, ctx) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalid_format', path: ['name'] });
      return z.NEVER;
    }
  })
  .pipe(text({ max: 255, min: 1 }));
