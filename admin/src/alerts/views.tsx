// Issue 19: every alert with its start and end, newest first; open ones first to hand.
// Read-only, like the API behind it (the evaluator writes them), but for an event alert (a low
// score, issue 20) still open: a supervisor marks it as seen here.
import { ALERT_KINDS, type Alert } from '@domain/alerts';
import { Box, Chip } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { duration } from '../shared/format';
import { AcknowledgeButton } from './Acknowledge';
import { useAlertText } from './text';

const kindChoices = ALERT_KINDS.map((k) => ({ id: k, name: `ventanilla.alerts.kind.${k}` }));

const filters = [
  <BooleanInput key="open" source="open" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <ReferenceInput key="b" source="branchId" reference="branches" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

function AlertList() {
  const translate = useTranslate();
  const text = useAlertText();
  return (
    <List exporter={false} filters={filters} sort={{ field: 'raisedAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          source="kind"
          render={(a: Alert) => (
            <Chip
              size="small"
              color={a.clearedAt ? 'default' : 'error'}
              label={translate(`ventanilla.alerts.kind.${a.kind}`)}
            />
          )}
        />
        <FunctionField label="resources.alerts.fields.what" render={(a: Alert) => text(a)} />
        <ReferenceField source="branchId" reference="branches" link={false}>
          <TextField source="name" />
        </ReferenceField>
        <DateField source="raisedAt" showTime />
        <FunctionField
          source="clearedAt"
          render={(a: Alert) =>
            a.clearedAt ? (
              new Date(a.clearedAt).toLocaleString()
            ) : (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                {translate('ventanilla.alerts.open')}
                <AcknowledgeButton alert={a} />
              </Box>
            )
          }
        />
        <ReferenceField source="clearedBy" reference="users" link={false} emptyText="—" sortable={false}>
          <FunctionField render={(u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`} />
        </ReferenceField>
        <FunctionField
          label="resources.alerts.fields.lasted"
          render={(a: Alert) =>
            duration(((a.clearedAt ? Date.parse(a.clearedAt) : Date.now()) - Date.parse(a.raisedAt)) / 1000)
          }
        />
      </Datagrid>
    </List>
  );
}

export default { list: AlertList };
