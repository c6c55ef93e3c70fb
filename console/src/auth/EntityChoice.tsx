// The second step of a login whose e-mail and password open several entities: which one. The
// checked radio (or the first) takes the focus, so the keyboard and a screen reader land here.
import { useEffect, useRef } from 'react';
import { fill, useI18n } from '../i18n';
import type { EntityOption } from './entityChoice';

export function EntityChoice({
  email,
  entities,
  value,
  onChange,
  onBack,
}: {
  email: string;
  entities: EntityOption[];
  value: string;
  onChange(slug: string): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const radios = group.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    (Array.from(radios ?? []).find((r) => r.checked) ?? radios?.[0])?.focus();
  }, [entities]);
  return (
    <>
      <div className="login-as">
        <span data-testid="login-email">{email}</span>
        <button type="button" className="btn-link" onClick={onBack}>
          {t.login.changeEmail}
        </button>
      </div>
      <fieldset className="entity-choice" ref={group} aria-describedby="entity-choice-hint">
        <legend className="field-label">{t.login.entity}</legend>
        <p id="entity-choice-hint" className="muted">
          {fill(t.login.chooseEntity, { count: entities.length })}
        </p>
        {entities.map((e) => (
          <label key={e.slug} className="entity-option">
            <input
              type="radio"
              name="entity"
              value={e.slug}
              required
              checked={value === e.slug}
              onChange={() => onChange(e.slug)}
            />
            <span>{e.name}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
