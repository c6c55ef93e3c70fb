import {
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { ServiceOption } from '../shared/ServiceName';
import { AuditedEdit } from '../shared/AuditedEdit';

const TopicList = () => (
  <List
    exporter={false}
    filters={[
      <ReferenceInput key="s" source="serviceId" reference="services" alwaysOn>
        <SelectInput optionText={<ServiceOption />} />
      </ReferenceInput>,
    ]}
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="serviceId" reference="services" link="edit">
        <TextField source="name" />
      </ReferenceField>
    </Datagrid>
  </List>
);

const TopicEdit = () => (
  <AuditedEdit>
    <RecordForm>
      <TextInput source="name" validate={required()} />
    </RecordForm>
  </AuditedEdit>
);

export default { list: TopicList, edit: TopicEdit };
