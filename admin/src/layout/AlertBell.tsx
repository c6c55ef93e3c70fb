// Issue 19: the back office's bell — the open alerts of the branches this user watches, live
// (socket events make the list stale, shared/LiveInvalidation.tsx), each new one announced to
// screen readers. A button with a count; its list opens in a popover and Escape closes it.
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import type { Alert } from '@domain/alerts';
import { useRef, useState } from 'react';
import { Link, useGetList, useTranslate } from 'react-admin';
import { AcknowledgeButton } from '../alerts/Acknowledge';
import { secondsSince, useAlertText } from '../alerts/text';
import { useNow } from '../monitor/clock';
import { duration } from '../shared/format';
import { useLiveEvents } from '../shared/live';

export function AlertBell() {
  const translate = useTranslate();
  const text = useAlertText();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const now = useNow();
  const { data = [], total } = useGetList<Alert & { id: number }>(
    'alerts',
    { filter: { open: true }, pagination: { page: 1, perPage: 50 }, sort: { field: 'raisedAt', order: 'ASC' } },
    // A missed event is caught up anyway.
    { refetchInterval: 30_000 },
  );
  const count = total ?? data.length;
  useLiveEvents((e) => {
    if (e.kind !== 'alert') return;
    setSaid(
      e.state === 'raised'
        ? translate('ventanilla.alerts.raised', { text: translate(`ventanilla.alerts.kind.${e.alertKind}`) })
        : translate('ventanilla.alerts.cleared'),
    );
  });
  const label = translate('ventanilla.alerts.bell', { smart_count: count });
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          ref={anchor}
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(true)}
          data-testid="alert-bell"
        >
          <Badge badgeContent={count} color="error" data-testid="alert-bell-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      {/* Polite: a new alert is read out after what the reader is hearing, never over it. */}
      <Box component="span" aria-live="polite" role="status" sx={visuallyHidden} data-testid="alert-bell-said">
        {said}
      </Box>
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': translate('ventanilla.alerts.bell_title') } }}
      >
        <Box sx={{ width: 420, maxWidth: '90vw', p: 2 }} data-testid="alert-bell-list">
          <Typography variant="h6" component="h2">
            {translate('ventanilla.alerts.bell_title')}
          </Typography>
          {data.length === 0 ? (
            <Typography color="text.secondary">{translate('ventanilla.alerts.none')}</Typography>
          ) : (
            <List dense sx={{ maxHeight: 400, overflowY: 'auto' }}>
              {data.map((a) => (
                <ListItem
                  key={a.id}
                  disableGutters
                  data-testid={`bell-alert-${a.kind}`}
                  sx={{ gap: 1, alignItems: 'center' }}
                >
                  <ListItemText
                    primary={text(a)}
                    secondary={`${translate(`ventanilla.alerts.kind.${a.kind}`)} · ${translate(
                      'ventanilla.alerts.since',
                      {
                        time: duration(secondsSince(a.raisedAt, now)),
                      },
                    )}`}
                  />
                  <AcknowledgeButton alert={a} />
                </ListItem>
              ))}
            </List>
          )}
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button component={Link} to="/alerts" size="small" onClick={() => setOpen(false)}>
              {translate('ventanilla.alerts.history')}
            </Button>
            <Button component={Link} to="/alert_rules" size="small" onClick={() => setOpen(false)}>
              {translate('ventanilla.alerts.thresholds')}
            </Button>
          </Box>
        </Box>
      </Popover>
    </>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
