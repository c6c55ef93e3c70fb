// H8 webhooks; issue 13: each one's deliveries, "send test" and "resend" on its edit page.
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  List,
  PasswordInput,
  SelectArrayInput,
  TextField,
  TextInput,
  FunctionField,
  minLength,
  required,
} from 'react-admin';
import { WEBHOOK_EVENTS } from '@domain/webhooks';
import { RecordForm } from '../shared/RecordForm';
import { WebhookDeliveries } from './WebhookDeliveries';
import { AuditedEdit } from '../shared/AuditedEdit';

const EVENTS = WEBHOOK_EVENTS.map((id) => ({ id, name: id }));

const WebhookList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="url" />
      <BooleanField source="active" />
      <FunctionField
        source="events"
        sortable={false}
        render={(w: { events?: string[] }) => (w.events?.length ? w.events.join(', ') : '*')}
      />
    </Datagrid>
  </List>
);

const WebhookForm = ({ creating = false }: { creating?: boolean }) => (
  <RecordForm>
    <TextInput source="url" type="url" validate={required()} fullWidth />
    <PasswordInput
      source="secret"
      validate={creating ? [required(), minLength(16)] : [minLength(16)]}
      autoComplete="new-password"
    />
    <SelectArrayInput source="events" choices={EVENTS} />
    <BooleanInput source="active" defaultValue />
  </RecordForm>
);

export default {
  list: WebhookList,
  edit: () => (
    <AuditedEdit>
      <WebhookForm />
      <WebhookDeliveries />
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="list">
      <WebhookForm creating />
    </Create>
  ),
};
