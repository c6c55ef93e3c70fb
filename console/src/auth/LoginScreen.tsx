import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import { LangSwitch } from '../common/LangSwitch';
import { EntityChoice } from './EntityChoice';
import { entitiesToChoose, rememberedEntity, rememberEntity, type EntityOption } from './entityChoice';
import { useSession } from './session';

export function LoginScreen() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  /** Set when the API answered ChooseEntity: the login is sent again with one of these. */
  const [entities, setEntities] = useState<EntityOption[]>();
  const [entity, setEntity] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const login = useApiMutation(async () => {
    try {
      await api.post('/auth/login', { email, password, ...(entities ? { entity } : {}) });
    } catch (err) {
      // Not a failure: the API asks which entity, and the form asks the person.
      const named = entitiesToChoose(err);
      if (!named) throw err;
      setEntity(rememberedEntity(email, named) ?? '');
      setEntities(named);
      return;
    }
    if (entities) rememberEntity(email, entity);
    await refresh();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const back = () => {
    flushSync(() => {
      setEntities(undefined);
      login.reset();
    });
    form.current?.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
  };
  return (
    <main className="center-page">
      <form ref={form} className="card login" onSubmit={submit}>
        <div className="brand brand-lg">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          {t.app.name}
        </div>
        <h1>{t.login.title}</h1>
        {/* Always in the page, so the change is announced when the choice appears. */}
        <p className="sr-only" role="status">
          {entities ? fill(t.login.chooseEntity, { count: entities.length }) : ''}
        </p>
        <Notice kind="error" text={login.message} />
        {entities ? (
          <EntityChoice email={email} entities={entities} value={entity} onChange={setEntity} onBack={back} />
        ) : (
          <>
            <Field
              label={t.login.email}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={login.fields.email}
              autoFocus
            />
            <Field
              label={t.login.password}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={login.fields.password}
            />
          </>
        )}
        <button className="btn btn-primary btn-block" disabled={login.isPending}>
          {t.login.submit}
        </button>
        <LangSwitch />
      </form>
    </main>
  );
}
