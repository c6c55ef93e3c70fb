import { z } from 'zod';
import { baseFilter, flag, textFilter } from '../http/filters.js';

/** react-admin PUTs the whole record; only readAt may change (null marks it unread again). */
export const NotificationUpdate = z
  .object({ readAt: z.string().datetime({ offset: true }).nullable() })
  .partial()
  .strict();
export const NotificationFilter = z
  .object({ ...baseFilter, unread: flag.optional(), type: textFilter(40).optional() })
  .strict();
