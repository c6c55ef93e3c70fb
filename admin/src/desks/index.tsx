import DeskIcon from '@mui/icons-material/Desk';
import { Create, Datagrid, Edit, List, ReferenceField, ReferenceInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';

const filters = [<ReferenceInput key="b" source="branchId" reference="branches" alwaysOn><SelectInput optionText="name" /></ReferenceInput>];

const DeskList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="branchId" reference="branches" link={false} />
    </Datagrid>
  </List>
);

const DeskEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <ReferenceInput source="branchId" reference="branches"><SelectInput optionText="name" disabled /></ReferenceInput>
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Edit>
);

const DeskCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <ReferenceInput source="branchId" reference="branches"><SelectInput optionText="name" validate={required()} /></ReferenceInput>
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Create>
);

export default { list: DeskList, edit: DeskEdit, create: DeskCreate, icon: DeskIcon };
