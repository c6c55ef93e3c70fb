// C5: edit (or register) the customer of the ticket; sends only what changed. When the ID
// number or e-mail belongs to another customer of the entity, the agent may link that one
// instead (issue 12 item 4).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { existingCustomer } from '../api/errors';
import { useApiMutation, useErrorText } from '../api/mutation';
import { customerQuery, keys } from '../api/queries';
import { ExistingCustomer } from '../common/ExistingCustomer';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

const KEYS = ['firstName', 'lastName', 'email', 'idNumber', 'phone'] as const;
type Form = Record<(typeof KEYS)[number], string>;
const EMPTY: Form = { firstName: '', lastName: '', email: '', idNumber: '', phone: '' };
const TYPES: Record<keyof Form, string> = {
  firstName: 'text',
  lastName: 'text',
  email: 'email',
  idNumber: 'text',
  phone: 'tel',
};

export function CustomerForm({ ticketId, customerId }: { ticketId: string; customerId: number | null }) {
  const { t } = useI18n();
  const [initial, setInitial] = useState<Form>(EMPTY);
  const [form, setForm] = useState<Form>(EMPTY);
  const [saved, setSaved] = useState(false);
  // The ticket's customer as stored; the form starts from it whenever another one is linked.
  const customer = useQuery({ ...customerQuery(customerId ?? 0), enabled: customerId !== null });
  const loadError = useErrorText(customer.error);
  useEffect(() => {
    const c = customer.data;
    if (!c) return;
    const f: Form = {
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email ?? '',
      idNumber: c.idNumber ?? '',
      phone: c.phone ?? '',
    };
    setInitial(f);
    setForm(f);
  }, [customer.data]);
  // `sent`: the form as it was sent, which becomes the unchanged state (none when linking another customer).
  const save = useApiMutation(
    ({ body }: { body: object; sent?: Form }) => api.post(`/tickets/${ticketId}/customer`, body),
    {
      invalidates: [keys.ticket(ticketId)],
      onSuccess: (_, { sent }) => {
        if (sent) setInitial(sent);
        setSaved(true);
      },
    },
  );
  const existing = existingCustomer(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const changed = Object.fromEntries(
      KEYS.filter((k) => form[k] !== initial[k]).map((k) => [
        k,
        form[k].trim() === '' && k !== 'firstName' ? null : form[k].trim(),
      ]),
    );
    if (Object.keys(changed).length === 0) return;
    setSaved(false);
    save.mutate({ body: changed, sent: form });
  };
  // Links the existing customer as it is; the form reloads it when the ticket's customer changes.
  const linkExisting = (id: number) => {
    setSaved(false);
    save.mutate({ body: { customerId: id } });
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="customer-form">
      <h3 className="panel-title">{t.attention.customer}</h3>
      <Notice kind="error" text={existing ? null : (save.message ?? loadError)} />
      {existing && (
        <ExistingCustomer customer={existing} busy={save.isPending} onUse={() => linkExisting(existing.id)} />
      )}
      <Notice kind="ok" text={saved ? t.attention.customerSaved : null} />
      <div className="form-grid">
        {KEYS.map((k) => (
          <Field
            key={k}
            label={t.attention[k]}
            name={k}
            type={TYPES[k]}
            value={form[k]}
            error={save.fields[k]}
            onChange={(e) => setForm({ ...form, [k]: e.target.value })}
          />
        ))}
      </div>
      <div className="form-actions">
        <button className="btn" aria-disabled={save.isPending}>
          {t.attention.saveCustomer}
        </button>
      </div>
    </form>
  );
}
