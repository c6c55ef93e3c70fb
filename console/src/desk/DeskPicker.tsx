// No open shift: the agent picks a desk of their branch (409 names who holds a taken one).
import { useState } from 'react';
import { api } from '../api/client';
import type { Desk } from '../api/types';
import { useUser } from '../auth/session';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';
import { useShift } from './shift';

export function DeskPicker() {
  const { t } = useI18n();
  const user = useUser();
  const { reload } = useShift();
  const desks = useLoad(() => api.list<Desk>('desks', { filter: user.branchId ? { branchId: user.branchId } : {}, sort: ['name', 'ASC'] }), [user.branchId]);
  const [deskId, setDeskId] = useState<number>();
  const action = useAction();
  const enter = () => action.run(async () => {
    await api.post('/shifts', { deskId });
    await reload();
  });
  return (
    <main className="center-page">
      <section className="card picker">
        <h1>{t.desk.pickTitle}</h1>
        <p className="muted">{t.desk.pickHint}</p>
        <Notice kind="error" text={action.error ?? desks.error} />
        <div className="desk-grid" role="radiogroup" aria-label={t.desk.deskLabel}>
          {desks.data?.rows.map((d) => (
            <button key={d.id} type="button" role="radio" aria-checked={deskId === d.id} className={deskId === d.id ? 'desk-tile on' : 'desk-tile'} onClick={() => setDeskId(d.id)}>
              {d.name}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-primary btn-block" disabled={!deskId || action.busy} onClick={() => void enter()}>{t.desk.enter}</button>
      </section>
    </main>
  );
}
