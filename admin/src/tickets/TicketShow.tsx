// B7: a ticket with its full timeline (cronología), the customer, its Temporal workflow (G7),
// and the requeue / cancel actions. Follows the ticket live.
import type { Ticket } from '@domain/contracts/tickets';
import { Box, Grid, Typography } from '@mui/material';
import {
  DateField,
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  ListButton,
} from 'react-admin';
import { kindChoices } from '../shared/choices';
import { useFollowTicket } from '../shared/live';
import { StatusField } from '../shared/StatusChip';
import { TemporalLink } from '../shared/TemporalLink';
import { TicketActionButton } from './TicketActions';
import { Timeline } from './Timeline';

const SUMMARY: string[] = [
  'kind',
  'serviceName',
  'deskName',
  'agentName',
  'arrivalAt',
  'calledAt',
  'attendingAt',
  'endedAt',
];

function TicketDetail() {
  const t = useRecordContext<Ticket>();
  const translate = useTranslate();
  useFollowTicket(t ? t.id : null);
  if (!t) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h4" data-testid="ticket-number">
          {t.number}
        </Typography>
        <StatusField />
        <Box sx={{ flex: 1 }} />
        <TemporalLink href={t.temporalUrl} />
      </Box>
      <Grid container spacing={2}>
        {(t.kind === 'appointment' ? [...SUMMARY, 'scheduledAt', 'appointmentCode'] : SUMMARY).map((f) => (
          <Grid key={f} size={{ xs: 6, md: 3 }}>
            <Labeled source={f} resource="tickets">
              {f === 'kind' ? (
                <SelectField source="kind" choices={kindChoices} />
              ) : f.endsWith('At') ? (
                <DateField source={f} showTime emptyText="—" />
              ) : (
                <TextField source={f} emptyText="—" />
              )}
            </Labeled>
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 6 }}>
          <Labeled label="ventanilla.tickets.customer">
            {t.customerId ? (
              <ReferenceField source="customerId" reference="customers" link="edit">
                <FunctionField
                  render={(c: {
                    firstName: string;
                    lastName: string;
                    idNumber?: string;
                    phone?: string;
                    email?: string;
                  }) =>
                    [`${c.firstName} ${c.lastName}`.trim(), c.idNumber, c.phone, c.email].filter(Boolean).join(' · ')
                  }
                />
              </ReferenceField>
            ) : (
              <span>—</span>
            )}
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Labeled label="resources.tickets.fields.workflowId">
            <TextField source="workflowId" />
          </Labeled>
        </Grid>
      </Grid>
      <Timeline ticketId={t.id} />
      <Typography variant="caption" color="text.secondary">
        {translate('ventanilla.tickets.follow')}
      </Typography>
    </Box>
  );
}

const ShowActions = () => (
  <TopToolbar>
    <ListButton />
    <TicketActionButton action="check-in" />
    <TicketActionButton action="requeue" />
    <TicketActionButton action="cancel" />
  </TopToolbar>
);

export const TicketShow = () => (
  <Show actions={<ShowActions />}>
    <TicketDetail />
  </Show>
);
