// The entity's SMS/WhatsApp provider (issue 20; README "Customer messages"): its URL, checked by
// the API against the outbound policy, and its token, write-only — the form never shows the stored
// one, and leaving the field empty on edit keeps it.
import { Create, Datagrid, DateField, FunctionField, List, PasswordInput, TextField, TextInput } from 'react-admin';
import { minLength, required, useTranslate } from 'react-admin';
import { AuditedEdit } from '../shared/AuditedEdit';
import { RecordForm } from '../shared/RecordForm';

const ProviderList = () => {
  const translate = useTranslate();
  return (
    <List exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="url" />
        <FunctionField
          source="hasToken"
          sortable={false}
          render={() => translate('resources.message_providers.token_set')}
        />
        <DateField source="updatedAt" showTime sortable={false} />
      </Datagrid>
    </List>
  );
};

const ProviderForm = ({ creating = false }: { creating?: boolean }) => {
  const translate = useTranslate();
  return (
    <RecordForm>
      <TextInput source="url" type="url" validate={required()} fullWidth />
      <PasswordInput
        source="token"
        validate={creating ? [required(), minLength(8)] : [minLength(8)]}
        autoComplete="new-password"
        helperText={creating ? false : translate('resources.message_providers.token_kept')}
      />
    </RecordForm>
  );
};

export default {
  list: ProviderList,
  edit: () => (
    <AuditedEdit>
      <ProviderForm />
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="edit">
      <ProviderForm creating />
    </Create>
  ),
};
