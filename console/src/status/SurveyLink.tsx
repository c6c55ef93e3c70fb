// Issue 20: a finished visit's status page leads to its satisfaction survey — a link on the phone
// that shows it, and its QR for a phone that shows it on another screen.
import type { PublicStatus } from '@domain/contracts/public';
import { useI18n } from '../i18n';
import { LinkQr } from '../kiosk/LinkQr';

export function SurveyLink({ token, status }: { token: string; status: PublicStatus['status'] }) {
  const { t } = useI18n();
  if (status !== 'finished') return null;
  const path = `/survey/${encodeURIComponent(token)}`;
  return (
    <div className="status-survey">
      <a className="btn btn-primary" href={path} data-testid="status-survey">
        {t.status.survey}
      </a>
      <LinkQr url={`${window.location.origin}${path}`} label={t.status.surveyQr} />
    </div>
  );
}
