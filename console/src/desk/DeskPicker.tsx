// No open shift: the agent picks a desk of their branch. Issue 16: a desk another agent's open
// shift holds says so (who has it) and cannot be picked; choosing it explains why, in words and
// state a screen reader reads (aria-disabled and the text), not in colour only. A desk taken in
// the meantime still gets the server's 409, which names who holds it.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { LIVE_KEYS, listQuery } from '../api/queries';
import { useUser } from '../auth/session';
import { useTakeLostFocus } from '../common/focus';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import { codeText } from '../i18n/errors';
import './desk-picker.css';

export function DeskPicker() {
  const { t } = useI18n();
  const user = useUser();
  const desks = useQuery({
    ...listQuery('desks', { filter: user.branchId ? { branchId: user.branchId } : {}, sort: ['name', 'ASC'] }),
    // Colleagues take and leave desks while this screen is open; no socket event names desks.
    refetchInterval: 15_000,
  });
  const desksError = useErrorText(desks.error);
  const [deskId, setDeskId] = useState<number>();
  const [refusal, setRefusal] = useState<string | null>(null);
  // Just signed in (the login form went away): the keyboard starts at this screen's title.
  const title = useRef<HTMLHeadingElement>(null);
  useTakeLostFocus(title);
  const enter = useApiMutation(
    () =>
      api.post('/shifts', { deskId }).catch((err: unknown) => {
        // Taken a moment ago (409 names who has it): the tiles show it at once.
        void desks.refetch();
        throw err;
      }),
    { invalidates: LIVE_KEYS },
  );
  const rows = desks.data?.rows ?? [];
  // A desk picked and then taken by someone else (the list refreshes live) is no longer a choice.
  const chosen = rows.find((d) => d.id === deskId && d.heldBy === null);
  return (
    <main className="center-page">
      <section className="card picker">
        <h1 ref={title} tabIndex={-1}>
          {t.desk.pickTitle}
        </h1>
        <p className="muted">{t.desk.pickHint}</p>
        <Notice kind="error" text={enter.message ?? refusal ?? desksError} />
        <div className="desk-grid" role="radiogroup" aria-label={t.desk.deskLabel}>
          {rows.map((d) => {
            const taken = d.heldBy !== null;
            return (
              <button
                key={d.id}
                type="button"
                role="radio"
                aria-checked={chosen?.id === d.id}
                aria-disabled={taken || undefined}
                // Named by the desk alone (as the keyboard path reads it); whose it is, as its description.
                aria-labelledby={`desk-${d.id}-name`}
                aria-describedby={`desk-${d.id}-state`}
                data-testid={`desk-${d.id}`}
                className={['desk-tile', chosen?.id === d.id && 'on', taken && 'taken'].filter(Boolean).join(' ')}
                onClick={() => {
                  setRefusal(taken ? codeText(t, 'DeskHeld', { desk: d.name, agent: d.heldBy ?? '' }) : null);
                  if (!taken) setDeskId(d.id);
                }}
              >
                <span className="desk-tile-name" id={`desk-${d.id}-name`}>
                  {d.name}
                </span>
                <span className="desk-tile-state" id={`desk-${d.id}-state`}>
                  {taken ? fill(t.deskPicker.takenBy, { agent: d.heldBy ?? '' }) : t.deskPicker.free}
                </span>
              </button>
            );
          })}
        </div>
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={!chosen}
          aria-disabled={enter.isPending}
          onClick={() => !enter.isPending && enter.mutate()}
        >
          {t.desk.enter}
        </button>
      </section>
    </main>
  );
}
