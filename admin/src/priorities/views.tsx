import {
  Create,
  Datagrid,
  List,
  BooleanField,
  BooleanInput,
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
      <BooleanField source="atKiosk" />
    </Datagrid>
  </List>
);

const PriorityForm = () => (
  <RecordForm>
    <TextInput source="name" validate={required()} />
    <NumberInput source="level" validate={[required(), minValue(0), maxValue(9)]} />
    <BooleanInput source="atKiosk" defaultValue={true} />
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
