// No open shift: the agent picks a desk of their branch (409 names who holds a taken one).
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { LIVE_KEYS, listQuery } from '../api/queries';
import { useUser } from '../auth/session';
import { useTakeLostFocus } from '../common/focus';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export function DeskPicker() {
  const { t } = useI18n();
  const user = useUser();
  const desks = useQuery(
    listQuery('desks', { filter: user.branchId ? { branchId: user.branchId } : {}, sort: ['name', 'ASC'] }),
  );
  const desksError = useErrorText(desks.error);
  const [deskId, setDeskId] = useState<number>();
  // Just signed in (the login form went away): the keyboard starts at this screen's title.
  const title = useRef<HTMLHeadingElement>(null);
  useTakeLostFocus(title);
  const enter = useApiMutation(() => api.post('/shifts', { deskId }), { invalidates: LIVE_KEYS });
  return (
    <main className="center-page">
      <section className="card picker">
        <h1 ref={title} tabIndex={-1}>
          {t.desk.pickTitle}
        </h1>
        <p className="muted">{t.desk.pickHint}</p>
        <Notice kind="error" text={enter.message ?? desksError} />
        <div className="desk-grid" role="radiogroup" aria-label={t.desk.deskLabel}>
          {desks.data?.rows.map((d) => (
            <button
              key={d.id}
              type="button"
              role="radio"
              aria-checked={deskId === d.id}
              className={deskId === d.id ? 'desk-tile on' : 'desk-tile'}
              onClick={() => setDeskId(d.id)}
            >
              {d.name}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={!deskId}
          aria-disabled={enter.isPending}
          onClick={() => !enter.isPending && enter.mutate()}
        >
          {t.desk.enter}
        </button>
      </section>
    </main>
  );
}
