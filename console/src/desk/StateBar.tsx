// A3, A4, A7, A10, A11, A12: where the agent is, in which state and since when, what comes next.
import { AGENT_STATES, type AgentState } from '@domain/agents';
import type { ShiftView } from '@domain/contracts/shifts';
import { useRef } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { LIVE_KEYS } from '../api/queries';
import { Elapsed } from '../common/Elapsed';
import { useTakeLostFocus } from '../common/focus';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export function StateBar({ shift }: { shift: ShiftView }) {
  const { t } = useI18n();
  // Entering the desk (the picker's button went away): the keyboard lands on the current state.
  const current = useRef<HTMLButtonElement>(null);
  useTakeLostFocus(current);
  const step = useApiMutation(
    ({ path, body }: { path: string; body: object }) => api.post(`/shifts/current/${path}`, body),
    { invalidates: LIVE_KEYS },
  );
  const post = (path: string, body: object) => step.mutate({ path, body });
  return (
    <section className="statebar" aria-label={t.desk.state}>
      <div className="where">
        <div>
          <span className="eyebrow">{t.desk.deskLabel}</span>
          <strong data-testid="desk-name">{shift.deskName}</strong>
        </div>
        <div>
          <span className="eyebrow">{t.desk.branchLabel}</span>
          <strong data-testid="branch-name">{shift.branchName}</strong>
        </div>
      </div>
      <div className="state-control">
        <span className="eyebrow">{t.desk.state}</span>
        <div className="segmented" role="radiogroup" aria-label={t.desk.state}>
          {AGENT_STATES.map((s) => (
            <button
              key={s}
              ref={shift.state === s ? current : undefined}
              type="button"
              role="radio"
              aria-checked={shift.state === s}
              className={`seg seg-${s}${shift.state === s ? ' on' : ''}`}
              // Not `disabled` while sending: that would drop the keyboard's focus to <body>.
              aria-disabled={step.isPending}
              onClick={() => !step.isPending && post('state', { state: s })}
            >
              {t.states[s]}
            </button>
          ))}
        </div>
      </div>
      <div className="since">
        <span className="eyebrow">{t.desk.since}</span>
        <Elapsed since={shift.stateSince} className="clock" />
      </div>
      <label className="next-state">
        <span className="eyebrow">{t.desk.nextState}</span>
        <select
          value={shift.nextState ?? ''}
          data-testid="next-state"
          onChange={(e) => post('next-state', { nextState: (e.target.value || null) as AgentState | null })}
        >
          <option value="">{t.desk.nextNone}</option>
          {AGENT_STATES.map((s) => (
            <option key={s} value={s}>
              {t.states[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="switch" title={t.desk.manualHint}>
        <input
          type="checkbox"
          role="switch"
          checked={shift.manualMode}
          data-testid="manual"
          onChange={(e) => post('manual', { manual: e.target.checked })}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>{t.desk.manual}</span>
      </label>
      {step.message && (
        <div className="statebar-error">
          <Notice kind="error" text={step.message} />
        </div>
      )}
    </section>
  );
}
