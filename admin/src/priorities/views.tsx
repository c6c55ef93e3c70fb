import {
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { AuditedEdit } from '../shared/AuditedEdit';

const PriorityList = () => (
  <List exporter={false} sort={{ field: 'level', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <NumberField source="level" />
    </Datagrid>
  </List>
);

const PriorityForm = () => (
  <RecordForm>
    <TextInput source="name" validate={required()} />
    <NumberInput source="level" validate={[required(), minValue(0), maxValue(9)]} />
  </RecordForm>
);

export default {
  list: PriorityList,
  edit: () => (
    <AuditedEdit>
      <PriorityForm />
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="list">
      <PriorityForm />
    </Create>
  ),
};
