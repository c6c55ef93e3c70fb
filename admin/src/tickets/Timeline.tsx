// B7: a ticket's steps on its back-office page. Issue 16: the same facts as the console's
// timeline (domain/timeline-steps.ts: names, translated types and actors, the answer, topics,
// target, changed fields, file name, tag offset, reasons), worded by this app's dictionary.
import { describeStep, type StepActor } from '@domain/timeline-steps';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { retryUnlessRefused, useNotifyQueryError } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';
import { StateChip } from '../shared/StatusChip';
import { ChatTranscript } from './ChatTranscript';

/** The steps so far; the ticket's live events make it stale (shared/LiveInvalidation.tsx), and so do its actions. */
export function Timeline({ ticketId }: { ticketId: string }) {
  const dp = useDataProvider<VentanillaDataProvider>();
  const translate = useTranslate();
  const { data = [], error } = useQuery({
    queryKey: queryKeys.timeline(ticketId),
    queryFn: () => dp.ticketTimeline(ticketId),
    retry: retryUnlessRefused,
  });
  useNotifyQueryError(error);
  const actor = (a: StepActor) =>
    'machine' in a
      ? translate(`ventanilla.machineActor.${a.machine}`)
      : 'name' in a
        ? a.name
        : translate(`ventanilla.actor.${a.kind}`);
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('ventanilla.tickets.timeline')}
        </Typography>
        <Table size="small" data-testid="timeline">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{translate('ventanilla.tickets.when')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.step')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.actor')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.transition')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.details')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((e) => {
              const step = describeStep(e);
              return (
                <TableRow key={e.seq} data-testid={`event-${e.type}`}>
                  <TableCell>{e.seq}</TableCell>
                  <TableCell>{new Date(e.at).toLocaleString()}</TableCell>
                  <TableCell>{translate(`timeline.step.${step.type}`)}</TableCell>
                  <TableCell>{actor(step.actor)}</TableCell>
                  <TableCell>
                    {step.to && e.from ? (
                      <>
                        <StateChip value={e.from} /> →{' '}
                      </>
                    ) : null}
                    <StateChip value={e.to} />
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                    {step.facts.map((f, i) => (
                      <div key={i} data-fact={f.key}>
                        {translate(`timeline.fact.${f.key}`, f.params)}
                      </div>
                    ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <ChatTranscript ticketId={ticketId} />
      </CardContent>
    </Card>
  );
}
