// D12: text and files both ways. Files go up over HTTP; everyone in the room sees them arrive.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApiMutation } from '../api/mutation';
import { useI18n } from '../i18n';
import { withRoom, type ChatFile, type ChatMessage, type RoomApi } from './call-api';

export function ChatPanel({
  api,
  messages,
  onSent,
  self,
}: {
  api: RoomApi | null;
  messages: ChatMessage[];
  onSent(m: ChatMessage): void;
  self: 'user' | 'customer';
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // The newest message in view as it arrives, as a chat does (the log scrolls inside its column),
  // and kept in view when the log shrinks (T&C to answer appear above it) unless the reader
  // scrolled up to read older ones.
  const log = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
    atEnd.current = true;
  }, [messages.length]);
  useEffect(() => {
    const el = log.current;
    if (!el) return;
    const onScroll = () => (atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8);
    const keep = new ResizeObserver(() => {
      if (atEnd.current) el.scrollTop = el.scrollHeight;
    });
    el.addEventListener('scroll', onScroll);
    keep.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      keep.disconnect();
    };
  }, []);
  // A text or a file: either way one message, shown at once (the room's echo is deduplicated by id).
  const send = useApiMutation(
    (what: { text: string } | { file: File }) =>
      withRoom(api, (room) => ('file' in what ? room.upload(what.file) : room.say(what.text))),
    {
      onSuccess: (m, what) => {
        onSent(m);
        // Only the text sent: what was typed meanwhile stays.
        if ('text' in what) setText((typed) => (typed.trim() === what.text ? '' : typed));
      },
    },
  );
  const download = useApiMutation((file: ChatFile) => withRoom(api, (room) => room.download(file)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (api && text.trim()) send.mutate({ text: text.trim() });
  };
  const error = send.message ?? download.message;
  return (
    <section className="vc-chat" aria-label={t.video.chat}>
      <h3>{t.video.chat}</h3>
      {/* A log: screen readers read each message as it arrives (issue 17), the list keeps its list semantics. */}
      <div role="log" aria-label={t.video.chatLog} ref={log}>
        <ol className="vc-messages" data-testid="chat-messages">
          {messages.map((m) => (
            <li key={m.id} className={m.senderType === self ? 'mine' : 'theirs'}>
              <strong>{m.senderName}</strong> {m.body}
              {m.file && (
                <button type="button" className="vc-file" onClick={() => api && download.mutate(m.file!)}>
                  {t.video.download}: {m.file.name} ({Math.ceil(m.file.size / 1024)} KB)
                </button>
              )}
            </li>
          ))}
        </ol>
      </div>
      {error && (
        <p role="alert" className="vc-error">
          {error}
        </p>
      )}
      <form onSubmit={submit} className="vc-row">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t.video.chatPlaceholder}
          aria-label={t.video.chatPlaceholder}
          maxLength={2000}
        />
        <button type="submit">{t.video.send}</button>
        <label className="vc-attach">
          {t.video.attach}
          <input
            type="file"
            data-testid="chat-file"
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && api) send.mutate({ file });
            }}
          />
        </label>
      </form>
    </section>
  );
}
