// B6: generate a ticket or an appointment by hand, for a new customer, an existing one, or none.
// A new customer the entity already has (same ID number or e-mail) is offered instead. The body
// and the rules are the domain's (domain/ticket-form.ts), as in the console and the API. The
// form-level validate is what react-hook-form runs (it then ignores input validators): the
// inputs' required() only mark their labels.
import type { Ticket } from '@domain/contracts/tickets';
import type { KnownCustomer } from '@domain/customers';
import {
  CUSTOMER_MODES,
  EMPTY_TICKET_FORM,
  ticketFormBody,
  ticketFormErrors,
  type TicketFormValues,
} from '@domain/ticket-form';
import { useState } from 'react';
import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { CustomerFields } from '../customers/views';
import { existingCustomerOf, formErrors, useNotifyError } from '../shared/errors';
import { kindChoices } from '../shared/choices';
import { ServiceOption } from '../shared/ServiceName';
import { ExistingCustomerOffer } from './ExistingCustomerOffer';

const customerModes = CUSTOMER_MODES.map((id) => ({ id, name: `ventanilla.tickets.customer_${id}` }));
/** The back office mostly generates for someone at the counter: a new customer is the default. */
const defaultValues: TicketFormValues = { ...EMPTY_TICKET_FORM, customerMode: 'new' };

function validate(values: TicketFormValues) {
  const errors = ticketFormErrors(values);
  if (!errors) return undefined;
  // Without a customer (an appointment needs one) the customer choice is what the user changes.
  if (errors.customer && values.customerMode === 'none') {
    errors.customerMode = errors.customer;
    delete errors.customer;
  }
  return formErrors(errors);
}

const customerText = (c: { firstName?: string; lastName?: string; idNumber?: string }) =>
  c ? `${c.firstName ?? ''} ${c.lastName ?? ''}${c.idNumber ? ` · ${c.idNumber}` : ''}` : '';

const hasFieldErrors = (err: unknown): boolean => {
  const errors = (err as { body?: { errors?: unknown } } | null)?.body?.errors;
  return typeof errors === 'object' && errors !== null && Object.keys(errors).length > 0;
};

export function TicketCreate() {
  const notify = useNotify();
  const notifyError = useNotifyError();
  const redirect = useRedirect();
  const [existing, setExisting] = useState<KnownCustomer>();
  return (
    <Create
      transform={(values: TicketFormValues) => ticketFormBody(values)}
      mutationOptions={{
        onSuccess: (t: Ticket) => {
          notify('ventanilla.tickets.generated', { type: 'success', messageArgs: { number: t.number } });
          redirect('show', 'tickets', t.id);
        },
        onError: (err: unknown) => {
          const found = existingCustomerOf(err);
          setExisting(found);
          // Field errors show under their inputs, and react-admin says the form is invalid.
          if (!found && !hasFieldErrors(err)) notifyError(err);
        },
      }}
    >
      <RecordForm defaultValues={defaultValues} validate={validate}>
        {existing && <ExistingCustomerOffer customer={existing} onUsed={() => setExisting(undefined)} />}
        <ReferenceInput source="serviceId" reference="services" filter={{ active: true }} perPage={200}>
          <SelectInput optionText={<ServiceOption />} validate={required()} />
        </ReferenceInput>
        <RadioButtonGroupInput source="kind" choices={kindChoices} />
        <ReferenceInput source="priorityId" reference="priorities" sort={{ field: 'level', order: 'ASC' }}>
          <SelectInput optionText={(p: { name: string; level: number }) => `${p.name} (${p.level})`} />
        </ReferenceInput>
        <FormDataConsumer>
          {({ formData }) =>
            formData.kind === 'appointment' && <DateTimeInput source="scheduledAt" validate={required()} />
          }
        </FormDataConsumer>
        <RadioButtonGroupInput source="customerMode" choices={customerModes} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.customerMode === 'new' ? (
              <CustomerFields prefix="customer." />
            ) : formData.customerMode === 'existing' ? (
              <ReferenceInput source="customerId" reference="customers">
                <AutocompleteInput
                  optionText={customerText}
                  validate={required()}
                  filterToQuery={(q) => ({ q })}
                  sx={{ minWidth: 320 }}
                />
              </ReferenceInput>
            ) : null
          }
        </FormDataConsumer>
      </RecordForm>
    </Create>
  );
}
