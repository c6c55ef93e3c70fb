import { z } from 'zod';
import { ORDERING_POLICIES } from '../../domain/ordering.js';
import { baseFilter, oneOrMany } from '../http/filters.js';

const timezone = z.string().max(60).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false; // Intl throws RangeError for an unknown zone: that is the answer, not a failure
  }
}, 'an IANA time zone such as America/Bogota');

export const BranchCreate = z.object({
  name: z.string().trim().min(2).max(120),
  code: z.string().trim().regex(/^[A-Z0-9]{2,20}$/, '2–20 capital letters or digits'),
  timezone: timezone.default('America/Bogota'),
  orderingPolicy: z.enum(ORDERING_POLICIES).default('fifo'),
  interleaveRatio: z.number().int().min(1).max(20).default(2),
  ageBoostMinutes: z.number().int().min(1).max(240).default(10),
  checkInWindowMinutes: z.number().int().min(0).max(240).default(15),
}).strict();
export const BranchUpdate = BranchCreate.partial().strict();
export const BranchFilter = z.object({ ...baseFilter, code: z.string().max(20).optional(), orderingPolicy: oneOrMany(z.enum(ORDERING_POLICIES)).optional() }).strict();
