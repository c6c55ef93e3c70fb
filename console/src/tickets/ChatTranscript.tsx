// Issue 16: the conversation of a ticket's video call under its timeline — the customer's words
// too, which are no steps of their own. Nothing at all for a ticket without a call.
import { useQuery } from '@tanstack/react-query';
import { ticketChatQuery } from '../api/queries';
import { formatDateTime } from '../common/time';
import { useI18n } from '../i18n';

export function ChatTranscript({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const chat = useQuery(ticketChatQuery(ticketId));
  if (!chat.data?.length) return null;
  return (
    <section className="tl-chat" aria-labelledby={`chat-${ticketId}`} data-testid="chat-transcript">
      <h4 id={`chat-${ticketId}`}>{t.timeline.chat}</h4>
      <ol>
        {chat.data.map((m) => (
          <li key={m.id} data-sender={m.senderType}>
            <time dateTime={m.at}>{formatDateTime(m.at, locale)}</time> <strong>{m.senderName}:</strong>{' '}
            {m.body ?? `${t.timeline.chatFile} ${m.file?.name ?? ''}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
