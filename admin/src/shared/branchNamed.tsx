// A resource that is just "a name within a branch" (departments, desks): one definition, so the
// two screens cannot drift apart.
import type { ComponentType, ReactElement } from 'react';
import {
  Create,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { RecordForm } from './RecordForm';
import { AuditedEdit } from './AuditedEdit';

export function branchNamedResource(icon: ComponentType, opts: { searchable?: boolean } = {}) {
  const filters: ReactElement[] = [
    ...(opts.searchable ? [<TextInput key="q" source="q" label="ra.action.search" alwaysOn />] : []),
    <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
  ];
  const ResourceList = () => (
    <List exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="name" />
        <ReferenceField source="branchId" reference="branches" link={false} />
      </Datagrid>
    </List>
  );
  // The branch is fixed once created (children such as services point at it).
  const ResourceEdit = () => (
    <AuditedEdit>
      <RecordForm>
        <ReferenceInput source="branchId" reference="branches">
          <SelectInput optionText="name" disabled />
        </ReferenceInput>
        <TextInput source="name" validate={required()} />
      </RecordForm>
    </AuditedEdit>
  );
  const ResourceCreate = () => (
    <Create redirect="list">
      <RecordForm>
        <ReferenceInput source="branchId" reference="branches">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="name" validate={required()} />
      </RecordForm>
    </Create>
  );
  return { list: ResourceList, edit: ResourceEdit, create: ResourceCreate, icon };
}
