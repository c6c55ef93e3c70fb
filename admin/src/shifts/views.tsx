// Agent shifts (G2), read-only: who is at which desk in which state, and, for operators, each
// shift's workflow in the Temporal Web UI (G7).
import { isOperator } from '@domain/agents';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
} from 'react-admin';
import { ShiftTimeline } from './ShiftTimeline';
import { stateChoices } from '../shared/choices';
import { StatusField } from '../shared/StatusChip';
import { TemporalLink } from '../shared/TemporalLink';
import { useTemporalUi } from '../monitor/useTemporalUi';

const filters = [
  <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="s" source="state" choices={stateChoices} alwaysOn />,
];

function ShiftWorkflow() {
  const base = useTemporalUi();
  return (
    <FunctionField
      label="ventanilla.shifts.temporal"
      render={(r: { temporalUrl?: string; workflowId?: string }) => (
        <TemporalLink
          compact
          href={
            r.temporalUrl ?? (base && r.workflowId ? `${base}/workflows/${encodeURIComponent(r.workflowId)}` : null)
          }
        />
      )}
    />
  );
}

function ShiftList() {
  const { permissions } = usePermissions<string>();
  return (
    <List exporter={false} filters={filters} sort={{ field: 'startedAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="userName" label="resources.shifts.fields.userId" />
        <TextField source="branchName" label="resources.shifts.fields.branchId" sortable={false} />
        <TextField source="deskName" label="resources.shifts.fields.deskId" sortable={false} />
        <StatusField source="state" vocabulary="state" label="resources.shifts.fields.state" />
        <DateField source="stateSince" showTime />
        <DateField source="startedAt" showTime />
        <DateField source="endedAt" showTime emptyText="—" />
        {isOperator(permissions) && <ShiftWorkflow />}
      </Datagrid>
    </List>
  );
}

/** Issue 19: one shift, and its timeline. */
function ShiftShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="userName" label="resources.shifts.fields.userId" />
        <TextField source="branchName" label="resources.shifts.fields.branchId" />
        <TextField source="deskName" label="resources.shifts.fields.deskId" />
        <StatusField source="state" vocabulary="state" label="resources.shifts.fields.state" />
        <DateField source="startedAt" showTime />
        <DateField source="endedAt" showTime emptyText="—" />
      </SimpleShowLayout>
      <ShiftTimeline />
    </Show>
  );
}

export default { list: ShiftList, show: ShiftShow };
