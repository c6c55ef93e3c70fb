// D12: text and files both ways. Files go up over HTTP; everyone in the room sees them arrive.
import { useState, type FormEvent } from 'react';
import { logUnexpected } from '../common/useAction';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import type { ChatMessage, RoomApi } from './call-api';
import { useCallText } from './i18n';

export function ChatPanel({ api, messages, onSent, self }: { api: RoomApi | null; messages: ChatMessage[]; onSent(m: ChatMessage): void; self: 'user' | 'customer' }) {
  const t = useCallText();
  const { t: dict } = useI18n();
  const [text, setText] = useState('');
  const [failed, setFailed] = useState<{ err: unknown }>();
  const fail = (err: unknown) => {
    logUnexpected(err);
    setFailed({ err });
  };
  const run = (p: Promise<ChatMessage>) => p.then(onSent, fail);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!api || !text.trim()) return;
    setFailed(undefined);
    void run(api.say(text.trim())).then(() => setText(''));
  };
  return (
    <section className="vc-chat" aria-label={t.chat}>
      <h3>{t.chat}</h3>
      <ol className="vc-messages" data-testid="chat-messages">
        {messages.map((m) => (
          <li key={m.id} className={m.senderType === self ? 'mine' : 'theirs'}>
            <strong>{m.senderName}</strong>{' '}
            {m.body}
            {m.file && (
              <button type="button" className="vc-file" onClick={() => api?.download(m.file!).catch(fail)}>
                {t.download}: {m.file.name} ({Math.ceil(m.file.size / 1024)} KB)
              </button>
            )}
          </li>
        ))}
      </ol>
      {failed && <p role="alert" className="vc-error">{errorText(dict, failed.err)}</p>}
      <form onSubmit={submit} className="vc-row">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t.chatPlaceholder} aria-label={t.chatPlaceholder} maxLength={2000} />
        <button type="submit">{t.send}</button>
        <label className="vc-attach">
          {t.attach}
          <input type="file" data-testid="chat-file" accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && api) void run(api.upload(file));
            }} />
        </label>
      </form>
    </section>
  );
}
