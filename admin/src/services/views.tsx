import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  maxValue,
  minValue,
  regex,
  required,
} from 'react-admin';
import { appointmentEntryChoices } from '../shared/choices';
import { RecordForm } from '../shared/RecordForm';
import { DepartmentOption } from '../shared/ServiceName';
import { ServiceTopics } from './ServiceTopics';
import { AuditedEdit } from '../shared/AuditedEdit';

const filters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const ServiceList = () => (
  <List exporter={false} filters={filters}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="label" />
      <TextField source="name" />
      <ReferenceField source="branchId" reference="branches" link={false} />
      <ReferenceField source="departmentId" reference="departments" link={false} />
      <NumberField source="callTimeoutSeconds" />
      <NumberField source="maxAutoRequeues" />
      <NumberField source="slaTargetSeconds" />
      <NumberField source="maxAttentionMinutes" />
      <BooleanField source="virtualEnabled" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

const ServiceFields = () => (
  <>
    <ReferenceInput source="departmentId" reference="departments" perPage={200}>
      <SelectInput optionText={<DepartmentOption />} validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={required()} />
    <TextInput source="label" validate={[required(), regex(/^[A-Z]{1,4}$/, 'A–Z (1–4)')]} helperText="A → A-001" />
    <NumberInput source="callTimeoutSeconds" defaultValue={120} validate={[minValue(10), maxValue(3600)]} />
    <NumberInput source="maxAutoRequeues" defaultValue={1} validate={[minValue(0), maxValue(10)]} />
    <NumberInput source="notifyAhead" defaultValue={3} validate={[minValue(0), maxValue(50)]} />
    <NumberInput source="remindBeforeMinutes" defaultValue={1440} validate={[minValue(1), maxValue(20160)]} />
    <NumberInput source="slaTargetSeconds" defaultValue={900} validate={[minValue(30), maxValue(86400)]} />
    <NumberInput source="maxAttentionMinutes" defaultValue={60} validate={[minValue(1), maxValue(1440)]} />
    <SelectInput
      source="appointmentEntry"
      choices={appointmentEntryChoices}
      defaultValue="check_in"
      validate={required()}
    />
    <BooleanInput source="virtualEnabled" defaultValue={false} />
    <BooleanInput source="active" defaultValue />
  </>
);

const ServiceEdit = () => (
  <AuditedEdit>
    <RecordForm>
      <ServiceFields />
    </RecordForm>
    <ServiceTopics />
  </AuditedEdit>
);

/** Topics are typed inline; the data provider creates them once the service exists. */
const ServiceCreate = () => (
  <Create redirect="edit">
    <RecordForm>
      <ServiceFields />
      <ArrayInput source="topics">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="name" label="resources.topics.fields.name" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </RecordForm>
  </Create>
);

export default { list: ServiceList, edit: ServiceEdit, create: ServiceCreate };
