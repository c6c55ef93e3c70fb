// C8: the topics of this service served in this attention; each change is saved at once.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { keys, listQuery } from '../api/queries';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export function TopicsPicker({
  ticketId,
  serviceId,
  selected,
}: {
  ticketId: string;
  serviceId: number;
  selected: number[];
}) {
  const { t } = useI18n();
  const topics = useQuery(listQuery('topics', { filter: { serviceId }, sort: ['name', 'ASC'] }));
  const loadError = useErrorText(topics.error);
  const save = useApiMutation((topicIds: number[]) => api.post(`/tickets/${ticketId}/topics`, { topicIds }), {
    invalidates: [keys.ticket(ticketId)],
  });
  const toggle = (id: number, on: boolean) => save.mutate(on ? [...selected, id] : selected.filter((x) => x !== id));
  const rows = topics.data?.rows ?? [];
  return (
    <fieldset className="panel topics" data-testid="topics">
      <legend className="panel-title">{t.attention.topics}</legend>
      <Notice kind="error" text={save.message ?? loadError} />
      {rows.length === 0 && topics.data && <p className="muted">{t.attention.noTopics}</p>}
      <div className="chips">
        {rows.map((tp) => {
          const on = selected.includes(tp.id);
          return (
            <label key={tp.id} className={on ? 'chip on' : 'chip'}>
              <input
                type="checkbox"
                checked={on}
                // Not `disabled` while saving: that would drop the keyboard's focus to <body>.
                aria-disabled={save.isPending}
                onChange={(e) => !save.isPending && toggle(tp.id, e.target.checked)}
              />
              {tp.name}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
