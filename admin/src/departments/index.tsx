import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Create, Datagrid, Edit, List, ReferenceField, ReferenceInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';

const filters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
];

const DepartmentList = () => (
  <List exporter={false} filters={filters}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="branchId" reference="branches" link={false} />
    </Datagrid>
  </List>
);

const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <ReferenceInput source="branchId" reference="branches"><SelectInput optionText="name" disabled /></ReferenceInput>
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Edit>
);

const DepartmentCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <ReferenceInput source="branchId" reference="branches"><SelectInput optionText="name" validate={required()} /></ReferenceInput>
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Create>
);

export default { list: DepartmentList, edit: DepartmentEdit, create: DepartmentCreate, icon: AccountTreeIcon };
