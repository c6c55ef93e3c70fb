// The agent's in-call tools: T&C (D7) and tags pinned to the call time (D11).
import { useState, type FormEvent } from 'react';
import { logUnexpected } from '../common/useAction';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import type { RoomApi, Tag } from './call-api';
import { useCallText } from './i18n';
import type { Terms } from './useCall';

const mmss = (ms: number): string => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

/** The last failure of a tool, worded in the console's language (null after a success). */
function useSubmit(): [string | null, (p: Promise<unknown>) => Promise<boolean>] {
  const { t } = useI18n();
  const [failed, setFailed] = useState<{ err: unknown }>();
  const run = (p: Promise<unknown>) => p.then(() => { setFailed(undefined); return true; }, (err: unknown) => {
    logUnexpected(err);
    setFailed({ err });
    return false;
  });
  return [failed ? errorText(t, failed.err) : null, run];
}

export function TermsComposer({ api, terms, onSent }: { api: RoomApi | null; terms: Terms | null; onSent(t: Terms): void }) {
  const t = useCallText();
  const [text, setText] = useState('');
  const [error, run] = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!api || !text.trim()) return;
    void run(api.sendTerms(text.trim()).then(({ termsId }) => onSent({ termsId, text: text.trim() })));
  };
  const status = !terms ? null : terms.accepted === undefined ? t.termsPending : terms.accepted ? t.termsAccepted : t.termsRefused;
  return (
    <form className="vc-terms" onSubmit={submit}>
      <h3>{t.termsTitle}</h3>
      <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder={t.termsPlaceholder} aria-label={t.termsTitle} maxLength={1800} rows={3} />
      <button type="submit">{t.terms}</button>
      {status && <p data-testid="terms-status" className={terms?.accepted === false ? 'vc-error' : ''}>{status}</p>}
      {error && <p role="alert" className="vc-error">{error}</p>}
    </form>
  );
}

export function TagBox({ api, tags, onAdded }: { api: RoomApi | null; tags: Tag[]; onAdded(t: Tag): void }) {
  const t = useCallText();
  const [text, setText] = useState('');
  const [error, run] = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!api || !text.trim()) return;
    void run(api.tag(text.trim()).then((tag) => { onAdded(tag); setText(''); }));
  };
  return (
    <form className="vc-tags" onSubmit={submit}>
      <h3>{t.tags}</h3>
      <ul>{tags.map((tag) => <li key={tag.id}><time>{mmss(tag.offsetMs)}</time> {tag.body}</li>)}</ul>
      <div className="vc-row">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t.tagPlaceholder} aria-label={t.tag} maxLength={500} />
        <button type="submit">{t.tagAdd}</button>
      </div>
      {error && <p role="alert" className="vc-error">{error}</p>}
    </form>
  );
}
