import { z } from 'zod';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from '../../domain/messages.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const MessageFilter = z
  .object({
    ...baseFilter,
    kind: oneOrMany(z.enum(MESSAGE_KINDS)).optional(),
    channel: oneOrMany(z.enum(MESSAGE_CHANNELS)).optional(),
    status: oneOrMany(z.enum(MESSAGE_STATUSES)).optional(),
    branchId: intId.optional(),
    ticketId: z.uuid().optional(),
  })
  .strict();
