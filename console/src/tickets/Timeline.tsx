// B7: every step of a ticket with time, actor and details, oldest first. Issue 16: each step's
// facts (domain/timeline-steps.ts — the back office's ticket page shows the same) in this screen's
// language: names instead of ids, the answer, the topics, the target, what changed, the reason.
import { describeStep } from '@domain/timeline-steps';
import { useQuery } from '@tanstack/react-query';
import { useErrorText } from '../api/mutation';
import { timelineQuery } from '../api/queries';
import { formatDateTime } from '../common/time';
import { useI18n } from '../i18n';
import { ChatTranscript } from './ChatTranscript';
import { actorText, factText } from './stepText';
import './timeline.css';

export function Timeline({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const events = useQuery(timelineQuery(ticketId));
  const error = useErrorText(events.error);
  if (error) return <p className="notice notice-error">{error}</p>;
  return (
    <>
      <ol className="timeline" data-testid="timeline">
        {(events.data ?? []).map((e) => {
          const step = describeStep(e);
          const title = t.timeline.step[step.type];
          return (
            <li key={e.seq} data-type={e.type}>
              <span className="tl-dot" aria-hidden="true" />
              <div className="tl-main">
                <strong>{title}</strong>
                {step.to && t.statuses[step.to] !== title && <span className="muted"> → {t.statuses[step.to]}</span>}
                {step.facts.length > 0 && (
                  <ul className="tl-facts">
                    {step.facts.map((f, i) => (
                      <li key={i} data-fact={f.key}>
                        {factText(t, f)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="tl-meta">
                <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                <span>{actorText(t, step.actor)}</span>
              </div>
            </li>
          );
        })}
      </ol>
      <ChatTranscript ticketId={ticketId} />
    </>
  );
}
