// Issue 19: alert thresholds — entity-wide (no branch), a branch's, or one service's; the most
// specific applies. Where a rule applies is chosen once; its thresholds change after.
import { ALERT_DEFAULTS } from '@domain/alerts';
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextField,
  Toolbar,
  maxValue,
  minValue,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AuditedEdit } from '../shared/AuditedEdit';
import { RecordForm } from '../shared/RecordForm';

function AlertRuleList() {
  const translate = useTranslate();
  const everywhere = translate('ventanilla.alerts.everywhere');
  return (
    <List exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <ReferenceField source="branchId" reference="branches" link={false} emptyText={everywhere}>
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="serviceId" reference="services" link={false} emptyText={everywhere}>
          <TextField source="name" />
        </ReferenceField>
        <BooleanField source="slaBreach" />
        <NumberField source="queueLengthMax" emptyText="—" />
        <NumberField source="unservedAfterSeconds" emptyText="—" />
        <BooleanField source="breakOverCap" />
        <BooleanField source="stuckWork" />
        <NumberField source="lowScoreMax" emptyText="—" />
      </Datagrid>
    </List>
  );
}

const Thresholds = () => (
  <>
    <BooleanInput source="slaBreach" />
    <NumberInput source="queueLengthMax" validate={[minValue(1), maxValue(10_000)]} />
    <NumberInput source="unservedAfterSeconds" validate={[minValue(0), maxValue(86_400)]} />
    <BooleanInput source="breakOverCap" />
    <BooleanInput source="stuckWork" />
    <NumberInput source="lowScoreMax" validate={[minValue(1), maxValue(4)]} />
  </>
);

/** A service is picked within the chosen branch. */
function Scope() {
  const branchId = useWatch({ name: 'branchId' }) as number | null | undefined;
  return (
    <>
      <ReferenceInput source="branchId" reference="branches">
        <SelectInput optionText="name" emptyText="ventanilla.alerts.everywhere" />
      </ReferenceInput>
      <ReferenceInput source="serviceId" reference="services" filter={branchId ? { branchId } : {}}>
        <SelectInput optionText="name" emptyText="ventanilla.alerts.everywhere" />
      </ReferenceInput>
    </>
  );
}

export default {
  list: AlertRuleList,
  edit: () => (
    <AuditedEdit>
      <RecordForm>
        <Thresholds />
      </RecordForm>
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="list">
      {/* The defaults as they stand are a rule worth saving (e.g. the entity's own): Save is on from the start. */}
      <RecordForm
        defaultValues={{ ...ALERT_DEFAULTS, branchId: null, serviceId: null }}
        toolbar={
          <Toolbar>
            <SaveButton alwaysEnable />
          </Toolbar>
        }
      >
        <Scope />
        <Thresholds />
      </RecordForm>
    </Create>
  ),
};
