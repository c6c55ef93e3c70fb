// H8 webhooks; issue 13: each one's deliveries, "send test" and "resend" on its edit page.
import WebhookIcon from '@mui/icons-material/Webhook';
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  List,
  PasswordInput,
  SelectArrayInput,
  TextField,
  TextInput,
  FunctionField,
  minLength,
  required,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { WebhookDeliveries } from './WebhookDeliveries';

// Mirrors api/webhooks/schemas.ts WEBHOOK_EVENTS (H8).
const EVENTS = [
  'ticket.created',
  'ticket.scheduled',
  'ticket.queued',
  'ticket.called',
  'ticket.recalled',
  'ticket.attending',
  'ticket.finished',
  'ticket.requeued',
  'ticket.cancelled',
  'ticket.no_show',
  'ticket.transferred',
  'ticket.note',
  'ticket.topics',
  'ticket.customer_edited',
  'ticket.confirmed',
  'shift.state',
].map((id) => ({ id, name: id }));

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
    <Edit mutationMode="pessimistic">
      <WebhookForm />
      <WebhookDeliveries />
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <WebhookForm creating />
    </Create>
  ),
  icon: WebhookIcon,
};
