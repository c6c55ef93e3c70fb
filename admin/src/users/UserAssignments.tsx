// A5/A6: an agent's main and support services, edited on the agent's page.
import { Box, Button, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  DeleteButton,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  TextField,
  useCreate,
  useGetList,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { assignmentChoices } from '../shared/choices';
import { useNotifyError } from '../shared/errors';

export function UserAssignments() {
  const user = useRecordContext();
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [serviceId, setServiceId] = useState<string>('');
  const [kind, setKind] = useState('main');
  const [create, { isPending }] = useCreate();
  const { data: services = [] } = useGetList(
    'services',
    {
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'label', order: 'ASC' },
      filter: user?.branchId ? { branchId: user.branchId } : {},
    },
    { enabled: Boolean(user?.branchId) },
  );
  if (!user || user.role !== 'agent') return null;
  const add = () => {
    void create(
      'service_assignments',
      { data: { userId: user.id, serviceId: Number(serviceId), kind } },
      {
        onSuccess: () => {
          setServiceId('');
          refresh();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Box sx={{ p: 2 }} data-testid="user-assignments">
      <Typography variant="h6">{translate('resources.service_assignments.name', { smart_count: 2 })}</Typography>
      <ReferenceManyField reference="service_assignments" target="userId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="serviceId" reference="services" link={false}>
            <TextField fullWidth={false} source="label" /> · <TextField fullWidth={false} source="name" />
          </ReferenceField>
          <SelectField source="kind" choices={assignmentChoices} />
          <DeleteButton mutationMode="pessimistic" redirect={false} />
        </Datagrid>
      </ReferenceManyField>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <MuiTextField
          fullWidth={false}
          select
          size="small"
          sx={{ minWidth: 260 }}
          label={translate('resources.service_assignments.fields.serviceId')}
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value)}
        >
          {services.map((s) => (
            <MenuItem key={s.id} value={String(s.id)}>{`${s.label} · ${s.name}`}</MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          fullWidth={false}
          select
          size="small"
          sx={{ minWidth: 140 }}
          label={translate('resources.service_assignments.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        >
          {assignmentChoices.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {translate(c.name)}
            </MenuItem>
          ))}
        </MuiTextField>
        <Button variant="outlined" onClick={add} disabled={isPending || !serviceId}>
          {translate('ra.action.add')}
        </Button>
      </Box>
    </Box>
  );
}
