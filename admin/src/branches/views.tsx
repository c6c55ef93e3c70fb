import { Typography } from '@mui/material';
import {
  Create,
  Datagrid,
  FormDataConsumer,
  List,
  NumberInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  minValue,
  maxValue,
  required,
  regex,
  useTranslate,
  NumberField,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { policyChoices } from '../shared/choices';
import { AuditedEdit } from '../shared/AuditedEdit';

const BranchList = () => (
  <List exporter={false} filters={[<TextInput key="q" source="q" label="ra.action.search" alwaysOn />]}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="orderingPolicy" choices={policyChoices} />
      <NumberField source="checkInWindowMinutes" />
      <TextField source="timezone" />
    </Datagrid>
  </List>
);

/** H1: the ordering policy with the one parameter it uses, and what it means. */
function PolicyHelp({ policy }: { policy?: string }) {
  const translate = useTranslate();
  return policy ? (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate(`ventanilla.policy_help.${policy}`)}
    </Typography>
  ) : null;
}

const BranchForm = ({ creating = false }: { creating?: boolean }) => (
  <RecordForm>
    <TextInput source="name" validate={required()} />
    <TextInput
      source="code"
      validate={[required(), regex(/^[A-Z0-9]{2,20}$/, 'A-Z, 0-9 (2–20)')]}
      disabled={!creating}
    />
    <TextInput source="timezone" defaultValue="America/Bogota" validate={required()} />
    <SelectInput source="orderingPolicy" choices={policyChoices} defaultValue="fifo" validate={required()} />
    <FormDataConsumer>
      {({ formData }) => (
        <>
          <PolicyHelp policy={formData.orderingPolicy as string} />
          {formData.orderingPolicy === 'interleave' && (
            <NumberInput source="interleaveRatio" defaultValue={2} validate={[minValue(1), maxValue(20)]} />
          )}
          {formData.orderingPolicy === 'age_boost' && (
            <NumberInput source="ageBoostMinutes" defaultValue={10} validate={[minValue(1), maxValue(240)]} />
          )}
        </>
      )}
    </FormDataConsumer>
    <NumberInput source="checkInWindowMinutes" defaultValue={15} validate={[minValue(0), maxValue(240)]} />
    <NumberInput source="appointmentGraceMinutes" defaultValue={120} validate={[minValue(0), maxValue(1440)]} />
  </RecordForm>
);

const BranchEdit = () => (
  <AuditedEdit>
    <BranchForm />
  </AuditedEdit>
);
const BranchCreate = () => (
  <Create redirect="list">
    <BranchForm creating />
  </Create>
);

export default { list: BranchList, edit: BranchEdit, create: BranchCreate };
