import { z } from 'zod';

export const ChatBody = z.object({ body: z.string().trim().min(1).max(2000) });
export const TagBody = z.object({ body: z.string().trim().min(1).max(500) });
export const TermsBody = z.object({ text: z.string().trim().min(1).max(1800) }); // the timeline keeps ≤ 2 KB per event
export const TermsAnswerBody = z.object({ termsId: z.string().uuid(), accepted: z.boolean() });
export const PresenceBody = z.object({ event: z.enum(['joined', 'left']), sessionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) });
