// The agent's in-call tools: T&C (D7) and tags pinned to the call time (D11).
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../api/mutation';
import { useI18n } from '../i18n';
import { withRoom, type RoomApi, type Tag } from './call-api';
import type { Terms } from './useCall';

const mmss = (ms: number): string => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

export function TermsComposer({
  api,
  terms,
  onSent,
}: {
  api: RoomApi | null;
  terms: Terms | null;
  onSent(t: Terms): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const send = useApiMutation((body: string) => withRoom(api, (room) => room.sendTerms(body)), {
    onSuccess: ({ termsId }, body) => onSent({ termsId, text: body }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (api && text.trim()) send.mutate(text.trim());
  };
  const status = !terms
    ? null
    : terms.accepted === undefined
      ? t.video.termsPending
      : terms.accepted
        ? t.video.termsAccepted
        : t.video.termsRefused;
  return (
    <form className="vc-terms" onSubmit={submit}>
      <h3>{t.video.termsTitle}</h3>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t.video.termsPlaceholder}
        aria-label={t.video.termsTitle}
        maxLength={1800}
        rows={2}
      />
      <button type="submit">{t.video.terms}</button>
      {status && (
        <p data-testid="terms-status" className={terms?.accepted === false ? 'vc-error' : ''}>
          {status}
        </p>
      )}
      {send.message && (
        <p role="alert" className="vc-error">
          {send.message}
        </p>
      )}
    </form>
  );
}

export function TagBox({ api, tags, onAdded }: { api: RoomApi | null; tags: Tag[]; onAdded(t: Tag): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const add = useApiMutation((body: string) => withRoom(api, (room) => room.tag(body)), {
    onSuccess: (tag) => {
      onAdded(tag);
      setText('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (api && text.trim()) add.mutate(text.trim());
  };
  return (
    <form className="vc-tags" onSubmit={submit}>
      <h3>{t.video.tags}</h3>
      <ul>
        {tags.map((tag) => (
          <li key={tag.id}>
            <time>{mmss(tag.offsetMs)}</time> {tag.body}
          </li>
        ))}
      </ul>
      <div className="vc-row">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t.video.tagPlaceholder}
          aria-label={t.video.tag}
          maxLength={500}
        />
        <button type="submit">{t.video.tagAdd}</button>
      </div>
      {add.message && (
        <p role="alert" className="vc-error">
          {add.message}
        </p>
      )}
    </form>
  );
}
