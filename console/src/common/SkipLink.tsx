// Issue 17 (WCAG 2.4.1): the first Tab stop of every signed-in screen jumps past the top bar to
// the screen itself. The target is focused by script: a bare #fragment would only scroll.
import { useI18n } from '../i18n';

export const CONTENT_ID = 'content';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      className="skip-link"
      href={`#${CONTENT_ID}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(CONTENT_ID)?.focus();
      }}
    >
      {t.app.skipToContent}
    </a>
  );
}
