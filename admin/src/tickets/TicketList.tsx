// B1–B5: tickets with the service tree (branch > department > service), agent, status, kind,
// number, customer text, and today vs a date range. Refreshes live: ticket events invalidate the
// list's query (shared/LiveInvalidation.tsx).
import {
  DatagridConfigurable,
  DateField,
  DateInput,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  CreateButton,
  FilterButton,
  SelectColumnsButton,
  TopToolbar,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { kindChoices, statusChoices } from '../shared/choices';
import { StatusField } from '../shared/StatusChip';

const agentName = (u: { firstName?: string; lastName?: string }) => `${u.firstName ?? ''} ${u.lastName ?? ''}`;

/** Departments of the chosen branch, services of the chosen department (B1 tree). */
function DepartmentFilter(props: { source: string; alwaysOn?: boolean }) {
  const branchId = useWatch({ name: 'branchId' }) as number | undefined;
  return (
    <ReferenceInput {...props} reference="departments" filter={branchId ? { branchId } : {}} perPage={200}>
      <SelectInput optionText="name" label="resources.tickets.fields.departmentId" />
    </ReferenceInput>
  );
}
function ServiceFilter(props: { source: string; alwaysOn?: boolean }) {
  const branchId = useWatch({ name: 'branchId' }) as number | undefined;
  const departmentId = useWatch({ name: 'departmentId' }) as number | undefined;
  const filter = departmentId ? { departmentId } : branchId ? { branchId } : {};
  return (
    <ReferenceInput {...props} reference="services" filter={filter} perPage={200}>
      <SelectInput
        optionText={(s: { label: string; name: string }) => `${s.label} · ${s.name}`}
        label="resources.tickets.fields.serviceId"
      />
    </ReferenceInput>
  );
}

const dayChoices = [{ id: 'today', name: 'ventanilla.tickets.today' }];

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <TextInput key="number" source="number" alwaysOn resettable sx={{ maxWidth: 140 }} />,
  <SelectInput key="day" source="day" choices={dayChoices} alwaysOn emptyText="ventanilla.tickets.history" />,
  <ReferenceInput key="branch" source="branchId" reference="branches" alwaysOn>
    <SelectInput optionText="name" label="resources.tickets.fields.branchId" />
  </ReferenceInput>,
  <DepartmentFilter key="dept" source="departmentId" alwaysOn />,
  <ServiceFilter key="service" source="serviceId" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 180 }} />,
  <ReferenceInput key="agent" source="agentId" reference="users" filter={{ role: 'agent' }} perPage={200}>
    <SelectInput optionText={agentName} label="resources.tickets.fields.agentId" />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

const Actions = () => (
  <TopToolbar>
    <SelectColumnsButton />
    <FilterButton />
    <CreateButton label="ventanilla.tickets.generate" />
  </TopToolbar>
);

export const TicketList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ day: 'today' }}
    sort={{ field: 'arrivalAt', order: 'DESC' }}
    actions={<Actions />}
    exporter={false}
    perPage={25}
  >
    <DatagridConfigurable rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <StatusField source="status" label="resources.tickets.fields.status" sortable />
      <SelectField source="kind" choices={kindChoices} />
      <TextField source="serviceName" sortable={false} />
      <TextField source="customerName" />
      <TextField source="customerIdNumber" sortable={false} />
      <TextField source="agentName" sortable={false} />
      <TextField source="deskName" sortable={false} />
      <DateField source="arrivalAt" showTime />
      <DateField source="calledAt" showTime />
      <DateField source="endedAt" showTime />
    </DatagridConfigurable>
  </List>
);
