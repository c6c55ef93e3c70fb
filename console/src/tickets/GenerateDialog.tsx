// B6: a ticket or appointment by hand, for nobody, an existing customer or a new one. The body
// and the checks before sending are the shared form's (domain/ticket-form.ts), as in the back
// office. A new customer whose ID number or e-mail is already known is refused with that
// customer, who can be used instead (issue 12 item 4).
import type { Ticket } from '@domain/contracts/tickets';
import {
  CUSTOMER_MODES,
  EMPTY_TICKET_FORM,
  NEW_CUSTOMER_FIELDS,
  ticketFormBody,
  ticketFormErrors,
  type TicketFormValues,
} from '@domain/ticket-form';
import { TICKET_KINDS, type TicketKind } from '@domain/tickets';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, existingCustomer } from '../api/errors';
import { useApiMutation, useErrorText } from '../api/mutation';
import { keys, listQuery } from '../api/queries';
import { ExistingCustomer } from '../common/ExistingCustomer';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import { errorText, fieldTexts } from '../i18n/errors';
import { CustomerPick } from './CustomerPick';

export function GenerateDialog({ branchId, onClose }: { branchId?: number; onClose(): void }) {
  const { t } = useI18n();
  const services = useQuery(
    listQuery('services', { filter: { ...(branchId ? { branchId } : {}), active: true }, sort: ['label', 'ASC'] }),
  );
  const servicesError = useErrorText(services.error);
  const [values, setValues] = useState<TicketFormValues>(EMPTY_TICKET_FORM);
  const set = (patch: TicketFormValues) => setValues((v) => ({ ...v, ...patch }));
  /** The form's own refusal before sending, worded like the server's Validation. */
  const [invalid, setInvalid] = useState<ApiError>();
  const [created, setCreated] = useState<string>();
  const generate = useApiMutation((body: ReturnType<typeof ticketFormBody>) => api.post<Ticket>('/tickets', body), {
    invalidates: [keys.tickets, keys.waiting],
    // A fresh form: a second click must not take the same ticket again.
    onSuccess: (tk) => {
      setCreated(tk.number);
      setValues(EMPTY_TICKET_FORM);
    },
  });
  const send = (v: TicketFormValues) => {
    const errors = ticketFormErrors(v);
    setInvalid(errors ? new ApiError('Validation', {}, errors) : undefined);
    if (!errors) generate.mutate(ticketFormBody(v));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(values);
  };
  // The typed fields are dropped: the existing customer is used as it is.
  const linkExisting = (id: number) => send({ ...values, customerMode: 'existing', customerId: id });
  const existing = existingCustomer(generate.error);
  const message = invalid ? errorText(t, invalid) : generate.message;
  const fields = invalid ? fieldTexts(t, invalid) : generate.fields;
  const kind = values.kind ?? 'turn';
  const mode = values.customerMode ?? 'none';
  const serviceId = String(values.serviceId ?? '');
  const customerId = typeof values.customerId === 'number' ? values.customerId : undefined;
  return (
    <Modal title={t.generate.title} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="generate-form">
        <Notice kind="ok" text={created ? fill(t.generate.created, { number: created }) : null} />
        <Notice kind="error" text={existing ? null : (message ?? servicesError)} />
        {existing && (
          <ExistingCustomer customer={existing} busy={generate.isPending} onUse={() => linkExisting(existing.id)} />
        )}
        <div className="form-grid">
          <label className="field">
            <span className="field-label">{t.generate.service}</span>
            <select name="serviceId" required value={serviceId} onChange={(e) => set({ serviceId: e.target.value })}>
              <option value="" disabled>
                —
              </option>
              {services.data?.rows.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label} · {s.name}
                </option>
              ))}
            </select>
            {fields.serviceId && (
              <span className="field-error" role="alert">
                {fields.serviceId}
              </span>
            )}
          </label>
          <label className="field">
            <span className="field-label">{t.generate.kind}</span>
            <select name="kind" value={kind} onChange={(e) => set({ kind: e.target.value as TicketKind })}>
              {TICKET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'appointment' && (
            <Field
              label={t.generate.scheduledAt}
              type="datetime-local"
              name="scheduledAt"
              required
              value={String(values.scheduledAt ?? '')}
              onChange={(e) => set({ scheduledAt: e.target.value })}
              error={fields.scheduledAt}
            />
          )}
        </div>
        <div className="segmented" role="radiogroup" aria-label={t.attention.customer}>
          {CUSTOMER_MODES.map((w) => (
            <button
              key={w}
              type="button"
              role="radio"
              aria-checked={mode === w}
              className={mode === w ? 'seg on' : 'seg'}
              onClick={() => set({ customerMode: w })}
            >
              {w === 'none' ? t.generate.noCustomer : w === 'existing' ? t.generate.existing : t.generate.newCustomer}
            </button>
          ))}
        </div>
        {mode === 'existing' && (
          <CustomerPick value={customerId} error={fields.customerId} onChange={(id) => set({ customerId: id })} />
        )}
        {mode === 'new' && (
          <div className="form-grid">
            {NEW_CUSTOMER_FIELDS.map((k) => (
              <Field
                key={k}
                label={t.attention[k]}
                name={`new-${k}`}
                required={k === 'firstName'}
                value={values.customer?.[k] ?? ''}
                error={fields[`customer.${k}`]}
                onChange={(e) => set({ customer: { ...values.customer, [k]: e.target.value } })}
              />
            ))}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t.app.close}
          </button>
          <button
            className="btn btn-primary"
            disabled={generate.isPending || !serviceId || (mode === 'existing' && !customerId)}
          >
            {t.generate.submit}
          </button>
        </div>
      </form>
    </Modal>
  );
}
