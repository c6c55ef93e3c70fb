// A booked visit (H6); created and moved on by its ticket workflow.
import { TimestampedModel } from './base.js';

export class Appointment extends TimestampedModel {
  static override tableName = 'appointments';
  declare id: number;
  declare entityId: number;
  declare branchId: number;
  declare serviceId: number;
  declare customerId: number;
  declare scheduledAt: Date;
  declare status: string;
  declare confirmedAt: Date | null;
  declare code: string;
}
