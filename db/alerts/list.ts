// A branch's open alerts, oldest first: what the monitor shows (issue 19).
import type { Db } from '../knex.js';
import type { Alert } from '../../domain/alerts.js';
import { alertOf, type AlertRow } from './record.js';

export async function openAlerts(db: Db, branchId: number): Promise<Alert[]> {
  const rows: AlertRow[] = await db('alerts')
    .where({ branch_id: branchId })
    .whereNull('cleared_at')
    .orderBy('raised_at')
    .limit(200)
    .select('*');
  return rows.map(alertOf);
}
