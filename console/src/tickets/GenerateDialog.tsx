// B6: a ticket or appointment by hand, for nobody, an existing customer or a new one. A new
// customer whose ID number or e-mail is already known is refused with that customer, who can
// be used instead (issue 12 item 4).
import { TICKET_KINDS } from '@domain/tickets';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { existingCustomer } from '../api/errors';
import type { Customer, Service, TicketKind, TicketItem } from '../api/types';
import { ExistingCustomer } from '../common/ExistingCustomer';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { fill, useI18n } from '../i18n';

type Who = 'none' | 'existing' | 'new';
const NEW_KEYS = ['firstName', 'lastName', 'idNumber', 'email', 'phone'] as const;
type NewCustomer = Record<(typeof NEW_KEYS)[number], string>;
const NO_CUSTOMER: NewCustomer = { firstName: '', lastName: '', idNumber: '', email: '', phone: '' };

export function GenerateDialog({ branchId, onClose }: { branchId?: number; onClose(): void }) {
  const { t } = useI18n();
  const services = useLoad(() => api.list<Service>('services', { filter: { ...(branchId ? { branchId } : {}), active: true }, sort: ['label', 'ASC'] }), [branchId]);
  const [serviceId, setServiceId] = useState('');
  const [kind, setKind] = useState<TicketKind>('turn');
  const [who, setWho] = useState<Who>('none');
  const [search, setSearch] = useState('');
  const [customerId, setCustomerId] = useState<number>();
  const [customer, setCustomer] = useState<NewCustomer>(NO_CUSTOMER);
  const [scheduledAt, setScheduledAt] = useState('');
  const [created, setCreated] = useState<string>();
  const found = useLoad(async (): Promise<Customer[]> => (who === 'existing' && search.trim().length >= 2
    ? (await api.list<Customer>('customers', { filter: { q: search.trim() }, range: [0, 7] })).rows : []), [who, search]);
  const action = useAction();
  const existing = existingCustomer(action.failure);
  const generate = async (whose: object) => {
    const tk = await action.run(() => api.post<TicketItem>('/tickets', {
      serviceId: Number(serviceId), kind, ...whose,
      ...(kind === 'appointment' && scheduledAt ? { scheduledAt: new Date(scheduledAt).toISOString() } : {}),
    }));
    if (tk) setCreated(tk.number);
    return tk;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const newCustomer = Object.fromEntries(NEW_KEYS.filter((k) => customer[k].trim()).map((k) => [k, customer[k].trim()]));
    await generate(who === 'existing' && customerId ? { customerId } : who === 'new' ? { customer: newCustomer } : {});
  };
  // The typed fields are dropped: the existing customer is used as it is.
  const linkExisting = async (id: number) => {
    if (await generate({ customerId: id })) setCustomer(NO_CUSTOMER);
  };
  return (
    <Modal title={t.generate.title} onClose={onClose} wide>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="generate-form">
        <Notice kind="ok" text={created ? fill(t.generate.created, { number: created }) : null} />
        <Notice kind="error" text={existing ? null : action.error ?? services.error} />
        {existing && <ExistingCustomer customer={existing} busy={action.busy} onUse={() => void linkExisting(existing.id)} />}
        <div className="form-grid">
          <label className="field"><span className="field-label">{t.generate.service}</span>
            <select name="serviceId" required value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="" disabled>—</option>
              {services.data?.rows.map((s) => <option key={s.id} value={s.id}>{s.label} · {s.name}</option>)}
            </select>
          </label>
          <label className="field"><span className="field-label">{t.generate.kind}</span>
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as TicketKind)}>
              {TICKET_KINDS.map((k) => <option key={k} value={k}>{t.kinds[k]}</option>)}
            </select>
          </label>
          {kind === 'appointment' && <Field label={t.generate.scheduledAt} type="datetime-local" name="scheduledAt" required value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} error={action.fields.scheduledAt} />}
        </div>
        <div className="segmented" role="radiogroup" aria-label={t.attention.customer}>
          {(['none', 'existing', 'new'] as const).map((w) => (
            <button key={w} type="button" role="radio" aria-checked={who === w} className={who === w ? 'seg on' : 'seg'} onClick={() => setWho(w)}>
              {w === 'none' ? t.generate.noCustomer : w === 'existing' ? t.generate.existing : t.generate.newCustomer}
            </button>
          ))}
        </div>
        {who === 'existing' && (
          <div className="customer-pick">
            <input type="search" aria-label={t.generate.searchCustomer} placeholder={t.generate.searchCustomer} value={search} onChange={(e) => setSearch(e.target.value)} />
            <ul className="pick-list">
              {found.data?.map((c) => (
                <li key={c.id}>
                  <label className={customerId === c.id ? 'pick on' : 'pick'}>
                    <input type="radio" name="customerId" checked={customerId === c.id} onChange={() => setCustomerId(c.id)} />
                    <span className="truncate">{c.firstName} {c.lastName}</span><span className="mono muted">{c.idNumber}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
        {who === 'new' && (
          <div className="form-grid">
            {NEW_KEYS.map((k) => (
              <Field key={k} label={t.attention[k]} name={`new-${k}`} required={k === 'firstName'} value={customer[k]} error={action.fields[`customer.${k}`]}
                onChange={(e) => setCustomer({ ...customer, [k]: e.target.value })} />
            ))}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>{t.app.close}</button>
          <button className="btn btn-primary" disabled={action.busy || !serviceId || (who === 'existing' && !customerId)}>{t.generate.submit}</button>
        </div>
      </form>
    </Modal>
  );
}
