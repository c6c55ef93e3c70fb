// Issue 20: the satisfaction survey's rules, shared by the API, the public page and the tests.
// No zod here: the public survey page imports these (issue 17, the public build stays light); the
// API's schema of the answer is api/public/schemas.ts SurveyBody.

/** A finished ticket can be rated for this many days after it ended. */
export const SURVEY_DAYS = 7;
/** An answer at or below this score counts as "low" in reports, and is the low_score alert's default threshold (domain/alerts.ts). */
export const LOW_SCORE = 2;
export const SCORES = [1, 2, 3, 4, 5] as const;
export const SURVEY_COMMENT_MAX = 500;

/** How the reports group answers. */
export const SURVEY_GROUP_BYS = ['agent', 'service', 'topic'] as const;
export type SurveyGroupBy = (typeof SURVEY_GROUP_BYS)[number];

export type SurveyState = 'open' | 'notFinished' | 'closed';

/** Only a finished ticket is rated (not a cancelled one, nor a no-show), for SURVEY_DAYS after it ended. */
export function surveyState(status: string, endedAt: Date | null, now: Date): SurveyState {
  if (status !== 'finished' || !endedAt) return 'notFinished';
  return now.getTime() - endedAt.getTime() > SURVEY_DAYS * 86_400_000 ? 'closed' : 'open';
}
