// What a customer queues for; its label prefixes ticket numbers (H1).
import { BaseModel } from './base.js';
import type { AppointmentEntry } from '../../domain/tickets.js';

export class Service extends BaseModel {
  static override tableName = 'services';
  declare id: number;
  declare branchId: number;
  declare departmentId: number;
  declare name: string;
  declare label: string;
  declare callTimeoutSeconds: number;
  declare maxAutoRequeues: number;
  declare notifyAhead: number | null;
  declare remindBeforeMinutes: number | null;
  declare slaTargetSeconds: number;
  declare appointmentEntry: AppointmentEntry;
  declare virtualEnabled: boolean;
  declare active: boolean;
}
