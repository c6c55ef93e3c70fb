import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useI18n } from '../i18n';
import { LangSwitch } from '../common/LangSwitch';
import { useSession } from './session';

export function LoginScreen() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await action.run(async () => {
      await api.post('/auth/login', { email, password });
      await refresh();
    });
  };
  return (
    <main className="center-page">
      <form className="card login" onSubmit={(e) => void submit(e)}>
        <div className="brand brand-lg"><span className="brand-mark" aria-hidden="true">V</span>{t.app.name}</div>
        <h1>{t.login.title}</h1>
        <Notice kind="error" text={action.error} />
        <Field label={t.login.email} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={action.fields.email} autoFocus />
        <Field label={t.login.password} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={action.fields.password} />
        <button className="btn btn-primary btn-block" disabled={action.busy}>{t.login.submit}</button>
        <LangSwitch />
      </form>
    </main>
  );
}
