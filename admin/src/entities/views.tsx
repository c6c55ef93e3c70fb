import {
  Datagrid,
  Edit,
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
    <Edit mutationMode="pessimistic">
      <RecordForm>
        <TextInput source="name" validate={required()} />
        <TextInput source="slug" disabled />
        <NumberInput
          source="retentionMonths"
          validate={[minValue(1), maxValue(1200)]}
          helperText={translate('resources.entities.retentionHelp')}
        />
      </RecordForm>
    </Edit>
  );
};

export default { list: EntityList, edit: EntityEdit };
