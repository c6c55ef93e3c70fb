// C7: a note goes to the ticket's timeline.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useI18n } from '../i18n';

export function NoteBox({ ticketId, onSaved }: { ticketId: string; onSaved(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post(`/tickets/${ticketId}/notes`, { text }))) {
      setText('');
      onSaved();
    }
  };
  return (
    <form className="panel form" onSubmit={(e) => void submit(e)}>
      <h3 className="panel-title">{t.attention.notes}</h3>
      {/* The note is the only input: its own refusal (e.g. too long) says more than "check the fields". */}
      <Notice kind="error" text={action.fields.text ?? action.error} />
      <textarea name="note" rows={3} maxLength={2000} placeholder={t.attention.notePlaceholder} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="form-actions"><button className="btn" disabled={action.busy || !text.trim()}>{t.attention.addNote}</button></div>
    </form>
  );
}
