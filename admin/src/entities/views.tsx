import { Datagrid, Edit, List, TextField, TextInput, required } from 'react-admin';
import { RecordForm } from '../shared/RecordForm';

const EntityList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="slug" />
    </Datagrid>
  </List>
);

const EntityEdit = () => (
  <Edit mutationMode="pessimistic">
    <RecordForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" disabled />
    </RecordForm>
  </Edit>
);

export default { list: EntityList, edit: EntityEdit };
