// Staff: agents, supervisors, admins. The password hash never leaves the server.
import type { Pojo } from 'objection';
import type { Role } from '../../domain/agents.js';
import { TimestampedModel } from './base.js';

export class User extends TimestampedModel {
  static override tableName = 'users';
  declare id: number;
  declare entityId: number;
  declare branchId: number | null;
  declare email: string;
  declare passwordHash: string;
  declare role: Role;
  declare firstName: string;
  declare lastName: string;
  declare phone: string | null;
  declare active: boolean;

  override $formatJson(json: Pojo): Pojo {
    const { passwordHash: _hidden, ...rest } = super.$formatJson(json);
    return rest;
  }
}
