// Issue 12 item 4: the server found a customer of the entity with the same ID number or e-mail
// (contact values masked). Staff may use that customer instead of registering a second one;
// using it links it as it is, so nothing typed here renames it.
import type { KnownCustomer } from '@domain/customers';
import { useI18n } from '../i18n';

export function ExistingCustomer({ customer, busy, onUse }: { customer: KnownCustomer; busy: boolean; onUse(): void }) {
  const { t } = useI18n();
  const contact = [customer.idNumber, customer.email, customer.phone].filter((v): v is string => v !== null);
  return (
    <div className="notice notice-info existing-customer" role="alert" data-testid="existing-customer">
      <p>{t.errors.CustomerExists}</p>
      <p>
        <strong>{customer.name}</strong>
        {contact.map((c) => (
          <span key={c} className="mono muted">
            {' '}
            · {c}
          </span>
        ))}
      </p>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy} onClick={onUse}>
        {t.attention.useExisting}
      </button>
    </div>
  );
}
