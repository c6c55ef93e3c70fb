// B3–B5: today (live) or history, status, kind, number and customer search.
import { TICKET_KINDS, TICKET_STATUSES, type TicketKind, type TicketStatus } from '@domain/tickets';
import { useI18n } from '../i18n';
import type { TicketFilters } from './filters';

export function FilterBar({ value, onChange }: { value: TicketFilters; onChange(f: TicketFilters): void }) {
  const { t } = useI18n();
  const set = <K extends keyof TicketFilters>(k: K, v: TicketFilters[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="filterbar" role="search">
      <div className="segmented" role="radiogroup" aria-label={t.tickets.today}>
        {(['today', 'history'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={value.mode === m}
            className={value.mode === m ? 'seg on' : 'seg'}
            onClick={() => set('mode', m)}
          >
            {t.tickets[m]}
          </button>
        ))}
      </div>
      {value.mode === 'history' && (
        <>
          <label className="inline-field">
            {t.tickets.from}
            <input type="date" name="from" value={value.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label className="inline-field">
            {t.tickets.to}
            <input type="date" name="to" value={value.to} onChange={(e) => set('to', e.target.value)} />
          </label>
        </>
      )}
      <select
        aria-label={t.tickets.status}
        name="status"
        value={value.status}
        onChange={(e) => set('status', e.target.value as TicketStatus | '')}
      >
        <option value="">{t.tickets.anyStatus}</option>
        {TICKET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t.statuses[s]}
          </option>
        ))}
      </select>
      <select
        aria-label={t.tickets.kindLabel}
        name="kind"
        value={value.kind}
        onChange={(e) => set('kind', e.target.value as TicketKind | '')}
      >
        <option value="">{t.tickets.kindLabel}</option>
        {TICKET_KINDS.map((k) => (
          <option key={k} value={k}>
            {t.kinds[k]}
          </option>
        ))}
      </select>
      <input
        className="w-number"
        type="search"
        name="number"
        aria-label={t.tickets.number}
        placeholder={t.tickets.number}
        value={value.number}
        onChange={(e) => set('number', e.target.value)}
      />
      <input
        className="grow"
        type="search"
        name="q"
        aria-label={t.tickets.search}
        placeholder={t.tickets.searchPlaceholder}
        value={value.q}
        onChange={(e) => set('q', e.target.value)}
      />
    </div>
  );
}
