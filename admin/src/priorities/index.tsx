import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import {
  Create,
  Datagrid,
  Edit,
  List,
  NumberField,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';

const PriorityList = () => (
  <List exporter={false} sort={{ field: 'level', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <NumberField source="level" />
    </Datagrid>
  </List>
);

const PriorityForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <NumberInput source="level" validate={[required(), minValue(0), maxValue(9)]} />
  </SimpleForm>
);

export default {
  list: PriorityList,
  edit: () => (
    <Edit mutationMode="pessimistic">
      <PriorityForm />
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <PriorityForm />
    </Create>
  ),
  icon: PriorityHighIcon,
};
