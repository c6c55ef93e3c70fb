import { z } from 'zod';
import { MESSAGE_KINDS, MESSAGE_LANGS } from '../../domain/messages.js';
import { unknownPlaceholders } from '../../domain/messages-templates.js';
import { text } from '../../domain/text.js';
import { baseFilter, oneOrMany } from '../http/filters.js';

/** A template naming a placeholder that does not exist is refused on save, not sent with a gap. */
const templated = (max: number) =>
  text({ max, min: 1 }).refine((v) => unknownPlaceholders(v).length === 0, 'invalid_value');

export const MessageTemplateCreate = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    lang: z.enum(MESSAGE_LANGS),
    subject: templated(300),
    body: templated(2000),
  })
  .strict();
export const MessageTemplateUpdate = MessageTemplateCreate.partial().strict();
export const MessageTemplateFilter = z
  .object({
    ...baseFilter,
    kind: oneOrMany(z.enum(MESSAGE_KINDS)).optional(),
    lang: oneOrMany(z.enum(MESSAGE_LANGS)).optional(),
  })
  .strict();
