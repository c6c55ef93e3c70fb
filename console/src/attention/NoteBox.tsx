// C7: a note goes to the ticket's timeline.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { keys } from '../api/queries';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export function NoteBox({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const add = useApiMutation(() => api.post(`/tickets/${ticketId}/notes`, { text }), {
    invalidates: [keys.ticket(ticketId)],
    onSuccess: () => setText(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!add.isPending && text.trim()) add.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit}>
      <h3 className="panel-title">{t.attention.notes}</h3>
      {/* The note is the only input: its own refusal (e.g. too long) says more than "check the fields". */}
      <Notice kind="error" text={add.fields.text ?? add.message} />
      <textarea
        name="note"
        rows={3}
        maxLength={2000}
        placeholder={t.attention.notePlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        {/* aria-disabled, not disabled: the button keeps the focus when the sent note empties the box. */}
        <button className="btn" aria-disabled={add.isPending || !text.trim()}>
          {t.attention.addNote}
        </button>
      </div>
    </form>
  );
}
