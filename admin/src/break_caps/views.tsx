import {
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { breakStateChoices } from '../shared/choices';
import { AuditedEdit } from '../shared/AuditedEdit';

const BreakCapList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <SelectField source="state" choices={breakStateChoices} />
      <NumberField source="maxMinutes" />
    </Datagrid>
  </List>
);

const BreakCapForm = () => (
  <RecordForm>
    <SelectInput source="state" choices={breakStateChoices} validate={required()} />
    <NumberInput source="maxMinutes" validate={[required(), minValue(1), maxValue(480)]} />
  </RecordForm>
);

export default {
  list: BreakCapList,
  edit: () => (
    <AuditedEdit>
      <BreakCapForm />
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="list">
      <BreakCapForm />
    </Create>
  ),
};
