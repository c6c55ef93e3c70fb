import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  EmailField,
  List,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  email,
  minLength,
  required,
  usePermissions,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { hasAdminRights, isOperator } from '@domain/agents';
import { roleChoices } from '../shared/choices';
import { UserAssignments } from './UserAssignments';
import { AuditedEdit } from '../shared/AuditedEdit';

const filters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <SelectInput key="r" source="role" choices={roleChoices} alwaysOn />,
  <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const UserList = () => (
  <List exporter={false} filters={filters}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="firstName" />
      <TextField source="lastName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="branchId" reference="branches" link={false} emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

/**
 * Supervisors manage agents of their branch; admins choose any role but operator; operators any
 * (the API enforces it, OperatorOnly).
 */
function rolesFor(permissions: string | undefined) {
  if (isOperator(permissions)) return roleChoices;
  if (hasAdminRights(permissions)) return roleChoices.filter((r) => !isOperator(r.id));
  return roleChoices.filter((r) => r.id === 'agent');
}

const UserFields = ({ creating = false }: { creating?: boolean }) => {
  const { permissions } = usePermissions<string>();
  const roles = rolesFor(permissions);
  return (
    <>
      <TextInput source="firstName" validate={required()} />
      <TextInput source="lastName" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <SelectInput source="role" choices={roles} defaultValue="agent" validate={required()} />
      <ReferenceInput source="branchId" reference="branches">
        <SelectInput optionText="name" emptyText="—" />
      </ReferenceInput>
      <TextInput source="phone" />
      <PasswordInput
        source="password"
        validate={creating ? [required(), minLength(10)] : [minLength(10)]}
        autoComplete="new-password"
      />
      <BooleanInput source="active" defaultValue />
    </>
  );
};

const UserEdit = () => (
  <AuditedEdit>
    <RecordForm>
      <UserFields />
    </RecordForm>
    <UserAssignments />
  </AuditedEdit>
);

const UserCreate = () => (
  <Create redirect="edit">
    <RecordForm>
      <UserFields creating />
    </RecordForm>
  </Create>
);

export default { list: UserList, edit: UserEdit, create: UserCreate };
