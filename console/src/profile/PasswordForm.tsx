// E3: a new password needs the current one (and other sessions end, server-side).
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export function PasswordForm() {
  const { t } = useI18n();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [done, setDone] = useState(false);
  const change = useApiMutation(
    () => api.post('/profile/password', { currentPassword: form.currentPassword, newPassword: form.newPassword }),
    {
      onSuccess: () => {
        setDone(true);
        setForm({ currentPassword: '', newPassword: '', confirm: '' });
      },
    },
  );
  const mismatch = form.confirm !== '' && form.confirm !== form.newPassword;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    setDone(false);
    if (!mismatch) change.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="password-form">
      <h2 className="panel-title">{t.profile.password}</h2>
      <Notice kind="error" text={change.message} />
      <Notice kind="ok" text={done ? t.profile.changed : null} />
      <div className="form-grid">
        <Field
          label={t.profile.current}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={form.currentPassword}
          error={change.fields.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
        />
        <Field
          label={t.profile.next}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={form.newPassword}
          error={change.fields.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
        />
        <Field
          label={t.profile.confirm}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={form.confirm}
          error={mismatch ? t.profile.mismatch : undefined}
          onChange={(e) => setForm({ ...form, confirm: e.target.value })}
        />
      </div>
      <div className="form-actions">
        <button className="btn" disabled={mismatch} aria-disabled={change.isPending}>
          {t.profile.password}
        </button>
      </div>
    </form>
  );
}
