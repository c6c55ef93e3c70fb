import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { Datagrid, Edit, List, SimpleForm, TextField, TextInput, required } from 'react-admin';

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
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" disabled />
    </SimpleForm>
  </Edit>
);

export default { list: EntityList, edit: EntityEdit, icon: CorporateFareIcon };
