import { Create, Datagrid, Edit, EmailField, List, TextField, TextInput, email, required } from 'react-admin';
import { RecordForm } from '../shared/RecordForm';

const CustomerList = () => (
  <List exporter={false} filters={[<TextInput key="q" source="q" label="ra.action.search" alwaysOn />]}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="firstName" />
      <TextField source="lastName" />
      <TextField source="idNumber" />
      <EmailField source="email" />
      <TextField source="phone" />
    </Datagrid>
  </List>
);

/** A cleared surname is sent empty, not null: the API stores a customer's surname as text. */
const keepEmpty = (v: string) => v;

export const CustomerFields = ({ prefix = '' }: { prefix?: string }) => (
  <>
    <TextInput source={`${prefix}firstName`} label="resources.customers.fields.firstName" validate={required()} />
    <TextInput source={`${prefix}lastName`} label="resources.customers.fields.lastName" parse={keepEmpty} />
    <TextInput source={`${prefix}idNumber`} label="resources.customers.fields.idNumber" />
    <TextInput source={`${prefix}email`} label="resources.customers.fields.email" validate={email()} />
    <TextInput source={`${prefix}phone`} label="resources.customers.fields.phone" />
  </>
);

export default {
  list: CustomerList,
  edit: () => (
    <Edit mutationMode="pessimistic">
      <RecordForm>
        <CustomerFields />
      </RecordForm>
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <RecordForm>
        <CustomerFields />
      </RecordForm>
    </Create>
  ),
};
