// Issue 12 item 4: the generate form's new customer has the ID number or e-mail of a customer the
// entity already has (contact values masked). "Use this customer" switches the form to that
// customer and saves again: the customer is linked as it is, nothing typed renames it.
import { Alert, Box } from '@mui/material';
import { Button, useSaveContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import type { KnownCustomer } from '@domain/customers';

export function ExistingCustomerOffer({ customer, onUsed }: { customer: KnownCustomer; onUsed(): void }) {
  const translate = useTranslate();
  const { save, saving } = useSaveContext();
  const { getValues, setValue } = useFormContext();
  const use = () => {
    setValue('customerMode', 'existing');
    setValue('customerId', customer.id);
    onUsed();
    void save?.({ ...getValues(), customerMode: 'existing', customerId: customer.id });
  };
  const contact = [customer.idNumber, customer.email, customer.phone].filter((v): v is string => v !== null);
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      data-testid="existing-customer"
      action={<Button label="ventanilla.tickets.use_existing" onClick={use} disabled={saving} variant="contained" />}
    >
      {translate('errors.CustomerExists')}
      <Box>
        <b>{customer.name}</b>
        {contact.map((c) => ` · ${c}`).join('')}
      </Box>
    </Alert>
  );
}
