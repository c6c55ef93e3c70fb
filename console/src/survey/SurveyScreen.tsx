// Issue 20: the satisfaction survey, one tap — the customer opens /survey/<token> from the message
// or the QR on her status page, taps 1–5 (sent at once) and may add a comment. Answering again
// while the survey is open changes the answer. Loaded only when its address is opened.
import type { PublicSurvey } from '@domain/contracts/public';
import { SCORES, SURVEY_COMMENT_MAX } from '@domain/surveys';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { publicData } from '@domain/public-pages';
import { publicSurveyQuery } from '../api/queries';
import { LangSwitch } from '../common/LangSwitch';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import './survey.css';

export function SurveyScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const query = publicSurveyQuery(token);
  const survey = useQuery(query);
  const s = survey.data;
  const [comment, setComment] = useState('');
  const [commented, setCommented] = useState(false);
  const send = useApiMutation(
    (body: { score: number; comment?: string }) => api.post<PublicSurvey>(publicData.survey(token), body),
    { onSuccess: (data) => client.setQueryData(query.queryKey, data) },
  );
  const score = s?.answer?.score;
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (score) thanks.current?.focus();
  }, [score]);
  useEffect(() => {
    if (s?.answer?.comment) setComment((c) => c || s.answer!.comment!);
  }, [s?.answer?.comment]);

  const submitComment = (e: FormEvent) => {
    e.preventDefault();
    if (!score) return;
    send.mutate({ score, comment: comment.trim() }, { onSuccess: () => setCommented(true) });
  };
  return (
    <main className="center-page">
      <section className="card survey-card" data-testid="survey" aria-labelledby="survey-title">
        <div className="survey-head">
          <span className="eyebrow">
            {s ? (
              <>
                {s.branchName} · <span className="nowrap">{s.number}</span>
              </>
            ) : (
              ''
            )}
          </span>
          <LangSwitch />
        </div>
        <h1 id="survey-title">{t.survey.title}</h1>
        {survey.error && !s && <p className="notice notice-error">{t.status.invalid}</p>}
        {s && s.state === 'notFinished' && <p data-testid="survey-closed">{t.survey.notFinished}</p>}
        {s && s.state === 'closed' && <p data-testid="survey-closed">{t.survey.closed}</p>}
        {s && s.state === 'open' && (
          <>
            <p className="survey-service">{fill(t.survey.question, { service: s.serviceName })}</p>
            <div className="survey-scores" role="group" aria-label={t.survey.scoresLabel}>
              {SCORES.map((n) => (
                <button
                  key={n}
                  type="button"
                  className={`survey-score${score === n ? ' survey-score-on' : ''}`}
                  aria-pressed={score === n}
                  data-testid={`survey-score-${n}`}
                  disabled={send.isPending}
                  onClick={() => {
                    setCommented(false);
                    send.mutate({ score: n, ...(comment.trim() ? { comment: comment.trim() } : {}) });
                  }}
                >
                  {/* Its name is what it shows: "1 Muy mala" (WCAG 2.5.3). */}
                  <span className="survey-score-n">{n}</span>{' '}
                  <span className="survey-score-word">{t.survey.scoreShort[n]}</span>
                </button>
              ))}
            </div>
            <Notice kind="error" text={send.fields.score ?? (send.fields.comment ? null : send.message)} />
            {score && (
              <>
                <p className="survey-thanks" tabIndex={-1} ref={thanks} role="status" data-testid="survey-thanks">
                  {commented ? t.survey.thanksComment : t.survey.thanks}
                </p>
                <form className="survey-comment" onSubmit={submitComment} noValidate>
                  <label className="field">
                    <span>{t.survey.comment}</span>
                    <textarea
                      value={comment}
                      maxLength={SURVEY_COMMENT_MAX}
                      rows={3}
                      data-testid="survey-comment"
                      onChange={(e) => setComment(e.currentTarget.value)}
                    />
                  </label>
                  <Notice kind="error" text={send.fields.comment ?? null} />
                  <button type="submit" className="btn btn-primary" disabled={send.isPending || !comment.trim()}>
                    {t.survey.sendComment}
                  </button>
                </form>
              </>
            )}
          </>
        )}
      </section>
    </main>
  );
}

/** `/survey/:token`: the link in the satisfaction message and the QR of a finished ticket's status page. */
export const SurveyRoute = ({ token }: { token: string }) => <SurveyScreen token={token} />;
