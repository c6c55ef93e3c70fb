// The configuration audit log (issue 19): every create, update and delete of configuration,
// newest first — who, when, which record, what changed — filtered by resource, action or author.
// Read-only, like the API behind it.
import { AUDIT_ACTIONS, AUDITED_RESOURCES } from '@domain/config-audit';
import type { ConfigAuditEntry } from '@domain/contracts/resources';
import {
  Datagrid,
  DateField,
  FunctionField,
  Link,
  List,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { z } from 'zod';
import { AuditChanges, recordLabel, useFieldLabel } from './AuditChanges';

type Entry = z.infer<typeof ConfigAuditEntry>;

function Filters() {
  const translate = useTranslate();
  return [
    <TextInput key="q" source="q" label="ventanilla.audit.search" alwaysOn />,
    <SelectInput
      key="r"
      source="resource"
      alwaysOn
      translateChoice={false}
      choices={AUDITED_RESOURCES.map((r) => ({ id: r, name: translate(`resources.${r}.name`, { smart_count: 2 }) }))}
    />,
    <SelectInput
      key="a"
      source="action"
      alwaysOn
      choices={AUDIT_ACTIONS.map((a) => ({ id: a, name: `ventanilla.audit.actions.${a}` }))}
    />,
  ];
}

/** The record, linked to its page while it still exists. */
function RecordCell() {
  const entry = useRecordContext<Entry>();
  const translate = useTranslate();
  if (!entry) return null;
  const what = `${translate(`resources.${entry.resource}.name`, { smart_count: 1 })} ${recordLabel(entry)}`;
  return entry.action === 'delete' ? (
    <span>{what}</span>
  ) : (
    <Link to={`/${entry.resource}/${entry.recordId}`}>{what}</Link>
  );
}

function ChangedCell() {
  const entry = useRecordContext<Entry>();
  const translate = useTranslate();
  const label = useFieldLabel();
  if (!entry) return null;
  if (entry.action !== 'update') return <span>{translate(`ventanilla.audit.whole.${entry.action}`)}</span>;
  return <span>{entry.changed.map((f) => label(entry.resource, f)).join(', ')}</span>;
}

const Expanded = () => {
  const entry = useRecordContext<Entry>();
  return entry ? <AuditChanges entry={entry} /> : null;
};

function AuditList() {
  return (
    <List exporter={false} filters={Filters()} sort={{ field: 'at', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<Expanded />}>
        <DateField source="at" showTime />
        <TextField source="actorName" sortable={false} />
        <FunctionField source="action" render={(e: Entry) => <AuditAction action={e.action} />} />
        <FunctionField source="recordId" sortable={false} render={() => <RecordCell />} />
        <FunctionField source="changed" sortable={false} render={() => <ChangedCell />} />
      </Datagrid>
    </List>
  );
}

export function AuditAction({ action }: { action: Entry['action'] }) {
  const translate = useTranslate();
  return <span>{translate(`ventanilla.audit.actions.${action}`)}</span>;
}

export default { list: AuditList };
