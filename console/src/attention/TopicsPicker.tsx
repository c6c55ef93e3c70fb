// C8: the topics of this service served in this attention; each change is saved at once.
import { api } from '../api/client';
import type { Topic } from '../api/types';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';

export function TopicsPicker({ ticketId, serviceId, selected, onSaved }: { ticketId: string; serviceId: number; selected: number[]; onSaved(): void }) {
  const { t } = useI18n();
  const topics = useLoad(() => api.list<Topic>('topics', { filter: { serviceId }, sort: ['name', 'ASC'] }), [serviceId]);
  const action = useAction();
  const toggle = async (id: number, on: boolean) => {
    const topicIds = on ? [...selected, id] : selected.filter((x) => x !== id);
    if (await action.run(() => api.post(`/tickets/${ticketId}/topics`, { topicIds }))) onSaved();
  };
  const rows = topics.data?.rows ?? [];
  return (
    <fieldset className="panel topics" data-testid="topics">
      <legend className="panel-title">{t.attention.topics}</legend>
      <Notice kind="error" text={action.error ?? topics.error} />
      {rows.length === 0 && topics.data && <p className="muted">{t.attention.noTopics}</p>}
      <div className="chips">
        {rows.map((tp) => {
          const on = selected.includes(tp.id);
          return (
            <label key={tp.id} className={on ? 'chip on' : 'chip'}>
              <input type="checkbox" checked={on} disabled={action.busy} onChange={(e) => void toggle(tp.id, e.target.checked)} />
              {tp.name}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
