// An entity's SMS/WhatsApp provider (issue 20; README, "Customer messages"). Where the URL may
// point is judged by the outbound policy when saved (routes.ts) and before each message.
import { z } from 'zod';
import { text } from '../../domain/text.js';
import { baseFilter } from '../http/filters.js';

const MessageProviderFields = z
  .object({
    url: text({ max: 500, min: 1 }).pipe(z.url({ protocol: /^https?$/, message: 'invalid_url' })),
    /** Write-only: the provider's bearer token; never sent back. Kept exactly as typed. */
    token: text({ max: 300, min: 8, raw: true }),
  })
  .strict();

export const MessageProviderCreate = MessageProviderFields;
/** A body without a token keeps the stored one (the form never shows it). */
export const MessageProviderUpdate = MessageProviderFields.partial().strict();
export const MessageProviderFilter = z.object({ ...baseFilter }).strict();
