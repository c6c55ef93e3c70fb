import { z } from 'zod';
import { baseFilter, flag, intId, oneOrMany } from '../http/filters.js';

export const ServiceCreate = z.object({
  departmentId: intId,
  name: z.string().trim().min(2).max(120),
  label: z.string().trim().regex(/^[A-Z]{1,4}$/, '1–4 capital letters (the ticket prefix, A in A-001)'),
  callTimeoutSeconds: z.number().int().min(10).max(3600).default(120),
  maxAutoRequeues: z.number().int().min(0).max(10).default(1),
  slaTargetSeconds: z.number().int().min(30).max(86_400).default(900),
  virtualEnabled: z.boolean().default(false),
  active: z.boolean().default(true),
}).strict();
export const ServiceUpdate = ServiceCreate.partial().strict();
export const ServiceFilter = z.object({
  ...baseFilter,
  branchId: oneOrMany(intId).optional(),
  departmentId: oneOrMany(intId).optional(),
  label: z.string().max(4).optional(),
  active: flag.optional(),
  virtualEnabled: flag.optional(),
}).strict();
