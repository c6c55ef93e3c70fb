// The outbox (issue 20): every message sent to a customer, newest first — when, which ticket,
// what kind, on which channel, to whom, its delivery status and what the relay accepted. Read
// only: messages are written by their tickets. A row opens to show the text as sent.
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from '@domain/messages';
import type { Message } from '@domain/messages-outbox';
import { Chip, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  Link,
  List,
  NumberField,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

const filters = [
  <TextInput key="q" source="q" label="resources.messages.search" alwaysOn />,
  <SelectInput key="s" source="status" alwaysOn choices={choices('resources.messages.statuses', MESSAGE_STATUSES)} />,
  <SelectInput key="c" source="channel" alwaysOn choices={choices('resources.messages.channels', MESSAGE_CHANNELS)} />,
  <SelectInput key="k" source="kind" choices={choices('resources.messages.kinds', MESSAGE_KINDS)} />,
];

const COLOR = { pending: 'default', sending: 'warning', sent: 'success', failed: 'error' } as const;

function StatusCell() {
  const m = useRecordContext<Message>();
  const translate = useTranslate();
  if (!m) return null;
  return <Chip size="small" color={COLOR[m.status]} label={translate(`resources.messages.statuses.${m.status}`)} />;
}

function TicketCell() {
  const m = useRecordContext<Message>();
  return m ? (
    <Link to={`/tickets/${m.ticketId}/show`} sx={{ whiteSpace: 'nowrap' }}>
      {m.ticketNumber}
    </Link>
  ) : null;
}

/** The message as sent, and why it failed when it did. */
function Body() {
  const m = useRecordContext<Message>();
  const translate = useTranslate();
  if (!m) return null;
  return (
    <div>
      <Typography variant="subtitle2">{m.subject}</Typography>
      <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
        {m.body}
      </Typography>
      {m.providerId && (
        <Typography variant="caption">
          {translate('resources.messages.fields.providerId')}: {m.providerId}
        </Typography>
      )}
      {m.error && (
        <Typography variant="body2" color="error">
          {translate('resources.messages.fields.error')}: {m.error}
        </Typography>
      )}
    </div>
  );
}

const MessageList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="expand" expand={<Body />} bulkActionButtons={false}>
      <DateField source="createdAt" showTime />
      <FunctionField source="ticketId" sortable={false} render={() => <TicketCell />} />
      <FunctionField
        source="kind"
        render={(m: Message) => <TranslatedCode prefix="resources.messages.kinds" value={m.kind} />}
      />
      <FunctionField
        source="channel"
        render={(m: Message) => <TranslatedCode prefix="resources.messages.channels" value={m.channel} />}
      />
      <TextField source="recipient" sortable={false} />
      <TextField source="subject" sortable={false} />
      <FunctionField source="status" render={() => <StatusCell />} />
      <NumberField source="attempts" sortable={false} />
      <DateField source="sentAt" showTime />
    </Datagrid>
  </List>
);

function TranslatedCode({ prefix, value }: { prefix: string; value: string }) {
  const translate = useTranslate();
  return <span>{translate(`${prefix}.${value}`)}</span>;
}

export default { list: MessageList };
