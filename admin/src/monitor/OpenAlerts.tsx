// Issue 19: the branch's open alerts at the top of the monitor, each with how long it has been
// on (counted from the server's time of the snapshot, ticking with the page's clock).
import type { BranchSnapshot } from '@domain/contracts/monitor';
import { Alert as MuiAlert, AlertTitle, Box, Chip, List, ListItem, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { AcknowledgeButton } from '../alerts/Acknowledge';
import { useAlertText } from '../alerts/text';

export function OpenAlerts({
  snap,
  clock,
}: {
  snap: BranchSnapshot;
  /** Seconds counted at the snapshot, carried on to now (clock.ts). */
  clock: (seconds: number | null) => string;
}) {
  const translate = useTranslate();
  const text = useAlertText();
  if (!snap.alerts.length) return null;
  const at = Date.parse(snap.generatedAt);
  return (
    <MuiAlert severity="error" variant="outlined" sx={{ mb: 2 }} data-testid="monitor-alerts">
      <AlertTitle>{translate('ventanilla.alerts.on_monitor', { smart_count: snap.alerts.length })}</AlertTitle>
      <List dense disablePadding>
        {snap.alerts.map((a) => (
          <ListItem key={a.id} disableGutters data-testid={`monitor-alert-${a.kind}`} sx={{ gap: 1, flexWrap: 'wrap' }}>
            <Chip size="small" color="error" label={translate(`ventanilla.alerts.kind.${a.kind}`)} />
            <Typography component="span" variant="body2">
              {text(a)}
            </Typography>
            <Typography component="span" variant="caption" color="text.secondary" data-testid="alert-since">
              {translate('ventanilla.alerts.since', {
                time: clock(Math.max(0, Math.floor((at - Date.parse(a.raisedAt)) / 1000))),
              })}
            </Typography>
            <AcknowledgeButton alert={a} />
          </ListItem>
        ))}
      </List>
      <Box sx={{ mt: 0.5 }}>
        <Link to="/alerts">{translate('ventanilla.alerts.history')}</Link>
      </Box>
    </MuiAlert>
  );
}

/** The alerts on one service or agent, as small chips beside it (the list above says the rest). */
export function AlertChips({ alerts }: { alerts: BranchSnapshot['alerts'] }) {
  const translate = useTranslate();
  if (!alerts.length) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, ml: 1, flexWrap: 'wrap' }}>
      {alerts.map((a) => (
        <Chip
          key={a.id}
          size="small"
          color="error"
          variant="outlined"
          label={translate(`ventanilla.alerts.kind.${a.kind}`)}
          data-testid={`chip-alert-${a.kind}`}
        />
      ))}
    </Box>
  );
}
