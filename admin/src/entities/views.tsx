import {
  Datagrid,
  List,
  NumberInput,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { RecordForm } from '../shared/RecordForm';
import { AuditedEdit } from '../shared/AuditedEdit';

const EntityList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="slug" />
    </Datagrid>
  </List>
);

const EntityEdit = () => {
  const translate = useTranslate();
  return (
    <AuditedEdit>
      <RecordForm>
        <TextInput source="name" validate={required()} />
        <TextInput source="slug" disabled />
        <NumberInput
          source="retentionMonths"
          validate={[minValue(1), maxValue(1200)]}
          helperText={translate('resources.entities.retentionHelp')}
        />
      </RecordForm>
    </AuditedEdit>
  );
};

export default { list: EntityList, edit: EntityEdit };
