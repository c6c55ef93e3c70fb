// The back office's login form in plain React (no MUI, no react-admin): it is the first thing a
// supervisor downloads, on any connection (issue 17). E-mail and password, and, when they open
// users of several entities (the API answers ChooseEntity), a second step naming them that sends
// the login again with the chosen slug. What was typed stays while the person chooses or goes
// back to change the e-mail. `submit` is react-admin's login inside the app, main.tsx's before it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TranslateFunction } from 'react-admin';
import { errorNotice } from '../shared/refusal';
import { entitiesToChoose, rememberedEntity, rememberEntity, type EntityOption } from './entityChoice';
import type { Credentials } from './session';
import './login.css';

export interface LoginFormProps {
  translate: TranslateFunction;
  submit(credentials: Credentials): Promise<void>;
  /** A refusal to show from the start (an agent's session opened the back office). */
  refusal?: unknown;
  /** The person started typing: time to fetch what comes after the login. */
  onTyping?(): void;
}

export function LoginForm({ translate, submit, refusal, onTyping }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [entity, setEntity] = useState('');
  /** Set when the API answered ChooseEntity: the login is sent again with one of these. */
  const [entities, setEntities] = useState<EntityOption[]>();
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(refusal);
  const form = useRef<HTMLFormElement>(null);
  const find = (selector: string) => form.current?.querySelector<HTMLInputElement>(selector);

  const missing = { username: !username.trim(), password: !password, entity: !!entities && !entity };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setChecked(true);
    const first = (['username', 'password', 'entity'] as const).find((f) => missing[f]);
    if (first) return find(`input[name="${first}"]`)?.focus();
    setSending(true);
    setError(undefined);
    try {
      await submit({ username, password, ...(entities ? { entity } : {}) });
      if (entities) rememberEntity(username, entity);
    } catch (err) {
      const named = entitiesToChoose(err);
      if (named) {
        setEntity(rememberedEntity(username, named) ?? '');
        setEntities(named);
      } else setError(err);
    } finally {
      setSending(false);
    }
  };

  const chose = useRef(false);
  useEffect(() => {
    if (entities) {
      chose.current = true;
      // The checked radio (or the first): keyboard and screen reader land on the choice.
      (find('input[name="entity"]:checked') ?? find('input[name="entity"]'))?.focus();
    } else if (chose.current) find('input[name="username"]')?.focus(); // back, to change the e-mail
  }, [entities]);

  const errorText = () => {
    const { message, messageArgs } = errorNotice(translate, error);
    return translate(message, messageArgs);
  };
  const hint = entities ? translate('ventanilla.login.choose_entity', { smart_count: entities.length }) : '';
  const required = translate('ra.validation.required');
  const field = (name: 'username' | 'password', label: string, value: string, set: (v: string) => void) => (
    <div className="login-field">
      <label htmlFor={`login-${name}`}>{label} *</label>
      <input
        id={`login-${name}`}
        name={name}
        type={name === 'username' ? 'email' : 'password'}
        autoComplete={name === 'username' ? 'username' : 'current-password'}
        autoFocus={name === 'username'}
        value={value}
        aria-invalid={checked && missing[name]}
        aria-describedby={checked && missing[name] ? `login-${name}-error` : undefined}
        onChange={(e) => {
          onTyping?.();
          set(e.target.value);
        }}
      />
      {checked && missing[name] && (
        <span id={`login-${name}-error`} className="login-invalid">
          {required}
        </span>
      )}
    </div>
  );

  return (
    <form ref={form} className="login-card" onSubmit={(e) => void send(e)} noValidate>
      <div className="login-brand" aria-hidden="true">
        V
      </div>
      <h1 className="login-title">Ventanilla · Back office</h1>
      {/* Always in the page, so the choice is announced as it appears. */}
      <p className="login-sr" role="status">
        {hint}
      </p>
      {error !== undefined && (
        <p className="login-error" role="alert">
          {errorText()}
        </p>
      )}
      {entities ? (
        <>
          <p className="login-email" data-testid="login-email">
            {username}
          </p>
          <button type="button" className="login-link" onClick={() => setEntities(undefined)}>
            {translate('ventanilla.login.change_email')}
          </button>
          <p className="login-hint">{hint}</p>
          <fieldset className="login-choice" aria-invalid={checked && missing.entity}>
            <legend>{translate('ventanilla.login.entity')} *</legend>
            {entities.map((e) => (
              <label key={e.slug}>
                <input
                  type="radio"
                  name="entity"
                  value={e.slug}
                  checked={entity === e.slug}
                  onChange={() => setEntity(e.slug)}
                />
                {e.name}
              </label>
            ))}
            {checked && missing.entity && <span className="login-invalid">{required}</span>}
          </fieldset>
        </>
      ) : (
        <>
          {field('username', translate('ra.auth.email'), username, setUsername)}
          {field('password', translate('ra.auth.password'), password, setPassword)}
        </>
      )}
      <button type="submit" className="login-submit" aria-disabled={sending}>
        {translate('ra.auth.sign_in')}
      </button>
    </form>
  );
}
