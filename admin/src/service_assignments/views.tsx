import {
  Create,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  required,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { assignmentChoices } from '../shared/choices';
import { ServiceOption } from '../shared/ServiceName';
import { AuditedEdit } from '../shared/AuditedEdit';

const agentName = (u: { firstName?: string; lastName?: string }) => `${u.firstName ?? ''} ${u.lastName ?? ''}`;

const filters = [
  <ReferenceInput key="u" source="userId" reference="users" filter={{ role: 'agent' }} alwaysOn>
    <SelectInput optionText={agentName} />
  </ReferenceInput>,
  <ReferenceInput key="s" source="serviceId" reference="services" alwaysOn>
    <SelectInput optionText={<ServiceOption />} />
  </ReferenceInput>,
];

const AssignmentList = () => (
  <List exporter={false} filters={filters}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <ReferenceField source="userId" reference="users" link="edit">
        <TextField source="firstName" /> <TextField source="lastName" />
      </ReferenceField>
      <ReferenceField source="serviceId" reference="services" link={false}>
        <TextField source="label" /> · <TextField source="name" />
      </ReferenceField>
      <SelectField source="kind" choices={assignmentChoices} />
    </Datagrid>
  </List>
);

const AssignmentEdit = () => (
  <AuditedEdit>
    <RecordForm>
      <SelectInput source="kind" choices={assignmentChoices} validate={required()} />
    </RecordForm>
  </AuditedEdit>
);

/** A5/A6: assign a service to an agent as main or support. */
const AssignmentCreate = () => (
  <Create redirect="list">
    <RecordForm>
      <ReferenceInput source="userId" reference="users" filter={{ role: 'agent' }} perPage={200}>
        <SelectInput optionText={agentName} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="serviceId" reference="services" perPage={200}>
        <SelectInput optionText={<ServiceOption />} validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={assignmentChoices} defaultValue="main" validate={required()} />
    </RecordForm>
  </Create>
);

export default { list: AssignmentList, edit: AssignmentEdit, create: AssignmentCreate };
