// Issue 16: the conversation of a ticket's video call on its back-office page, under the steps —
// the customer's words too, which are no steps of their own. Nothing for a ticket without a call.
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { retryUnlessRefused, useNotifyQueryError } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';

export function ChatTranscript({ ticketId }: { ticketId: string }) {
  const dp = useDataProvider<VentanillaDataProvider>();
  const translate = useTranslate();
  const { data = [], error } = useQuery({
    queryKey: queryKeys.chat(ticketId),
    queryFn: () => dp.ticketChat(ticketId),
    retry: retryUnlessRefused,
  });
  useNotifyQueryError(error);
  if (!data.length) return null;
  return (
    <section aria-labelledby="ticket-chat" data-testid="chat-transcript">
      <Typography id="ticket-chat" variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {translate('timeline.chat')}
      </Typography>
      <List dense disablePadding>
        {data.map((m) => (
          <ListItem key={m.id} disableGutters data-sender={m.senderType}>
            <ListItemText
              primary={`${m.senderName}: ${m.body ?? `${translate('timeline.chatFile')} ${m.file?.name ?? ''}`}`}
              secondary={new Date(m.at).toLocaleString()}
              sx={{ overflowWrap: 'anywhere' }}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
