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
/** Issue 20: her consent per channel, asked here where her contact is taken. */
const CONSENTS = ['notifyEmail', 'notifySms', 'notifyWhatsapp'] as const;
type Consent = Record<(typeof CONSENTS)[number], boolean>;
const NO_CONSENT: Consent = { notifyEmail: false, notifySms: false, notifyWhatsapp: false };
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
  const [initialConsent, setInitialConsent] = useState<Consent>(NO_CONSENT);
  const [consent, setConsent] = useState<Consent>(NO_CONSENT);
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
    const k: Consent = { notifyEmail: c.notifyEmail, notifySms: c.notifySms, notifyWhatsapp: c.notifyWhatsapp };
    setInitialConsent(k);
    setConsent(k);
  }, [customer.data]);
  // `sent`: the form as it was sent, which becomes the unchanged state (none when linking another customer).
  const save = useApiMutation(
    ({ body }: { body: object; sent?: Form; sentConsent?: Consent }) => api.post(`/tickets/${ticketId}/customer`, body),
    {
      invalidates: [keys.ticket(ticketId)],
      onSuccess: (_, { sent, sentConsent }) => {
        if (sent) setInitial(sent);
        if (sentConsent) setInitialConsent(sentConsent);
        setSaved(true);
      },
    },
  );
  const existing = existingCustomer(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const changed: Record<string, string | boolean | null> = Object.fromEntries(
      KEYS.filter((k) => form[k] !== initial[k]).map((k) => [
        k,
        form[k].trim() === '' && k !== 'firstName' ? null : form[k].trim(),
      ]),
    );
    for (const k of CONSENTS) if (consent[k] !== initialConsent[k]) changed[k] = consent[k];
    if (Object.keys(changed).length === 0) return;
    setSaved(false);
    save.mutate({ body: changed, sent: form, sentConsent: consent });
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
      <fieldset className="form-consent">
        <legend>{t.attention.consent}</legend>
        {CONSENTS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              name={k}
              checked={consent[k]}
              onChange={(e) => setConsent({ ...consent, [k]: e.target.checked })}
            />
            {t.attention[k]}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button className="btn" aria-disabled={save.isPending}>
          {t.attention.saveCustomer}
        </button>
      </div>
    </form>
  );
}
