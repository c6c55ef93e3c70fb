// C5: edit (or register) the customer of the ticket; sends only what changed. When the ID
// number or e-mail belongs to another customer of the entity, the agent may link that one
// instead (issue 12 item 4).
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { existingCustomer } from '../api/errors';
import type { Customer } from '../api/types';
import { ExistingCustomer } from '../common/ExistingCustomer';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useI18n } from '../i18n';

const KEYS = ['firstName', 'lastName', 'email', 'idNumber', 'phone'] as const;
type Form = Record<(typeof KEYS)[number], string>;
const EMPTY: Form = { firstName: '', lastName: '', email: '', idNumber: '', phone: '' };
const TYPES: Record<keyof Form, string> = { firstName: 'text', lastName: 'text', email: 'email', idNumber: 'text', phone: 'tel' };

export function CustomerForm({ ticketId, customerId, onSaved }: { ticketId: string; customerId: number | null; onSaved(): void }) {
  const { t } = useI18n();
  const [initial, setInitial] = useState<Form>(EMPTY);
  const [form, setForm] = useState<Form>(EMPTY);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (!customerId) return;
    void action.run(async () => {
      const c = await api.get<Customer>(`/customers/${customerId}`);
      const f: Form = { firstName: c.firstName, lastName: c.lastName, email: c.email ?? '', idNumber: c.idNumber ?? '', phone: c.phone ?? '' };
      setInitial(f);
      setForm(f);
    });
  }, [customerId, action.run]);
  const existing = existingCustomer(action.failure);
  const save = async (body: object, after: () => void) => {
    setSaved(false);
    const ok = await action.run(() => api.post(`/tickets/${ticketId}/customer`, body));
    if (ok) {
      after();
      setSaved(true);
      onSaved();
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(KEYS.filter((k) => form[k] !== initial[k]).map((k) => [k, form[k].trim() === '' && k !== 'firstName' ? null : form[k].trim()]));
    if (Object.keys(changed).length === 0) return;
    await save(changed, () => setInitial(form));
  };
  // Links the existing customer as it is; the form reloads it when the ticket's customer changes.
  const linkExisting = (id: number) => save({ customerId: id }, () => undefined);
  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} data-testid="customer-form">
      <h3 className="panel-title">{t.attention.customer}</h3>
      <Notice kind="error" text={existing ? null : action.error} />
      {existing && <ExistingCustomer customer={existing} busy={action.busy} onUse={() => void linkExisting(existing.id)} />}
      <Notice kind="ok" text={saved ? t.attention.customerSaved : null} />
      <div className="form-grid">
        {KEYS.map((k) => (
          <Field key={k} label={t.attention[k]} name={k} type={TYPES[k]} value={form[k]} error={action.fields[k]}
            onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
        ))}
      </div>
      <div className="form-actions"><button className="btn" disabled={action.busy}>{t.attention.saveCustomer}</button></div>
    </form>
  );
}
