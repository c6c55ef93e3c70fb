// C8 configuration: the topics of a service, listed and added inline on its edit page.
import { Box, Button, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  DeleteButton,
  ReferenceManyField,
  TextField,
  useCreate,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNotifyError } from '../shared/errors';

export function ServiceTopics() {
  const service = useRecordContext();
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [name, setName] = useState('');
  const [create, { isPending }] = useCreate();
  if (!service) return null;
  const add = () => {
    if (!name.trim()) return;
    void create(
      'topics',
      { data: { serviceId: service.id, name: name.trim() } },
      {
        onSuccess: () => {
          setName('');
          refresh();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Box sx={{ p: 2 }} data-testid="service-topics">
      <Typography variant="h6">{translate('resources.topics.name', { smart_count: 2 })}</Typography>
      <ReferenceManyField reference="topics" target="serviceId" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField fullWidth={false} source="name" />
          <DeleteButton mutationMode="pessimistic" redirect={false} />
        </Datagrid>
      </ReferenceManyField>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <MuiTextField
          fullWidth={false}
          size="small"
          label={translate('resources.topics.fields.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          slotProps={{ htmlInput: { 'data-testid': 'new-topic' } }}
        />
        <Button variant="outlined" onClick={add} disabled={isPending || !name.trim()}>
          {translate('ra.action.add')}
        </Button>
      </Box>
    </Box>
  );
}
