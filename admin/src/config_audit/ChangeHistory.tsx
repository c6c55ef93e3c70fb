// A configuration record's own history (issue 19), beside its edit form: the last changes, who
// made them and when, each with its fields before and after. Shown to whoever may read the log;
// nothing at all for anyone else (the API refuses them).
import { Card, CardContent, Typography } from '@mui/material';
import type { ConfigAuditEntry } from '@domain/contracts/resources';
import { useGetList, useLocaleState, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { z } from 'zod';
import { AuditChanges } from './AuditChanges';

type Entry = z.infer<typeof ConfigAuditEntry>;
const SHOWN = 10;

export function ChangeHistory() {
  const record = useRecordContext<{ id: number }>();
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, total, error, isPending } = useGetList<Entry>(
    'config_audit',
    {
      filter: { resource, recordId: record?.id },
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: SHOWN },
    },
    // A save on this page has just written an entry: never the list as it was before it.
    { enabled: record !== undefined && resource !== undefined, refetchOnMount: 'always', staleTime: 0 },
  );
  if (error || isPending || !record) return null;
  const when = (at: string) => new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card
      component="aside"
      aria-labelledby="change-history"
      sx={{ ml: 2, width: 380, flexShrink: 0, alignSelf: 'flex-start' }}
    >
      <CardContent>
        <Typography id="change-history" variant="h6" component="h2" gutterBottom>
          {translate('ventanilla.audit.history')}
        </Typography>
        {data.length === 0 && <Typography variant="body2">{translate('ventanilla.audit.none')}</Typography>}
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="change-history">
          {data.map((e) => (
            <li key={e.id} style={{ marginBottom: 16 }}>
              <Typography variant="body2" component="p">
                <strong>{when(e.at)}</strong> · {e.actorName} · {translate(`ventanilla.audit.actions.${e.action}`)}
              </Typography>
              <AuditChanges entry={e} />
            </li>
          ))}
        </ol>
        {(total ?? 0) > SHOWN && (
          <Typography variant="body2">
            {translate('ventanilla.audit.more', { smart_count: (total ?? 0) - SHOWN })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
