import FreeBreakfastIcon from '@mui/icons-material/FreeBreakfast';
import {
  Create,
  Datagrid,
  Edit,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  SimpleForm,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { breakStateChoices } from '../shared/choices';

const BreakCapList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <SelectField source="state" choices={breakStateChoices} />
      <NumberField source="maxMinutes" />
    </Datagrid>
  </List>
);

const BreakCapForm = () => (
  <SimpleForm>
    <SelectInput source="state" choices={breakStateChoices} validate={required()} />
    <NumberInput source="maxMinutes" validate={[required(), minValue(1), maxValue(480)]} />
  </SimpleForm>
);

export default {
  list: BreakCapList,
  edit: () => (
    <Edit mutationMode="pessimistic">
      <BreakCapForm />
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <BreakCapForm />
    </Create>
  ),
  icon: FreeBreakfastIcon,
};
