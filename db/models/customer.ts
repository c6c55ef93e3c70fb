// A person served; unique per entity by ID number.
import { TimestampedModel } from './base.js';

export class Customer extends TimestampedModel {
  static override tableName = 'customers';
  declare id: number;
  declare entityId: number;
  declare firstName: string;
  declare lastName: string;
  declare email: string | null;
  declare idNumber: string | null;
  declare phone: string | null;
  declare notifyEmail: boolean;
  declare notifySms: boolean;
  declare notifyWhatsapp: boolean;
  declare lang: 'es' | 'en' | null;
  declare anonymisedAt: Date | null;
}
