// Issue 20: "seen" for an event alert (a low score), which stays open until a supervisor says so.
// Shown on the monitor's open alerts, in the bell and in the history; condition alerts clear by
// themselves and get no button. The socket's alert event refreshes every list; this refreshes the
// one it was pressed in at once.
import { isEventAlert, type Alert } from '@domain/alerts';
import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { useNotifyError } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';
import { useAlertText } from './text';

export function AcknowledgeButton({ alert }: { alert: Alert }) {
  const translate = useTranslate();
  const text = useAlertText();
  const dp = useDataProvider<VentanillaDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const acknowledge = useMutation({
    mutationFn: () => dp.post<Alert>(`/alerts/${alert.id}/acknowledge`, {}),
    onSuccess: () => {
      notify('ventanilla.alerts.acknowledged', { type: 'success' });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['alerts'] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(alert.branchId) }),
      ]);
    },
    onError: (err: unknown) => notifyError(err),
  });
  if (!isEventAlert(alert.kind) || alert.clearedAt) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      disabled={acknowledge.isPending}
      onClick={(e) => {
        e.stopPropagation();
        acknowledge.mutate();
      }}
      aria-label={translate('ventanilla.alerts.acknowledge_label', { text: text(alert) })}
      data-testid={`acknowledge-${alert.id}`}
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {translate('ventanilla.alerts.acknowledge')}
    </Button>
  );
}
