// E3: a new password needs the current one (and other sessions end, server-side).
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useI18n } from '../i18n';

export function PasswordForm() {
  const { t } = useI18n();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [done, setDone] = useState(false);
  const action = useAction();
  const mismatch = form.confirm !== '' && form.confirm !== form.newPassword;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (mismatch) return;
    if (await action.run(() => api.post('/profile/password', { currentPassword: form.currentPassword, newPassword: form.newPassword }))) {
      setDone(true);
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
    }
  };
  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} data-testid="password-form">
      <h2 className="panel-title">{t.profile.password}</h2>
      <Notice kind="error" text={action.error} />
      <Notice kind="ok" text={done ? t.profile.changed : null} />
      <div className="form-grid">
        <Field label={t.profile.current} name="currentPassword" type="password" autoComplete="current-password" required value={form.currentPassword} error={action.fields.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />
        <Field label={t.profile.next} name="newPassword" type="password" autoComplete="new-password" required minLength={10} value={form.newPassword} error={action.fields.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} />
        <Field label={t.profile.confirm} name="confirm" type="password" autoComplete="new-password" required value={form.confirm} error={mismatch ? t.profile.mismatch : undefined} onChange={(e) => setForm({ ...form, confirm: e.target.value })} />
      </div>
      <div className="form-actions"><button className="btn" disabled={action.busy || mismatch}>{t.profile.password}</button></div>
    </form>
  );
}
