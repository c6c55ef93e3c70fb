// E1–E4: the agent's own data; e-mail, entity and branch are shown read-only.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { keys, profileQuery } from '../api/queries';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';
import { PasswordForm } from './PasswordForm';

export function ProfileScreen() {
  const { t } = useI18n();
  const profile = useQuery(profileQuery);
  const loadError = useErrorText(profile.error);
  const [form, setForm] = useState({ firstName: '', lastName: '', phone: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (profile.data)
      setForm({ firstName: profile.data.firstName, lastName: profile.data.lastName, phone: profile.data.phone ?? '' });
  }, [profile.data]);
  // The user menu shows the name too: the signed-in user is refetched with the profile.
  const save = useApiMutation(
    () => api.put('/profile', { firstName: form.firstName, lastName: form.lastName, phone: form.phone.trim() || null }),
    {
      invalidates: [keys.me, keys.profile],
      onSuccess: () => setSaved(true),
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    save.mutate();
  };
  const p = profile.data;
  return (
    <main className="page narrow">
      <h1>{t.profile.title}</h1>
      <Notice kind="error" text={loadError} />
      <form className="panel form" onSubmit={submit} data-testid="profile-form">
        <Notice kind="error" text={save.message} />
        <Notice kind="ok" text={saved ? t.app.saved : null} />
        <div className="form-grid">
          <Field
            label={t.profile.firstName}
            name="firstName"
            required
            value={form.firstName}
            error={save.fields.firstName}
            onChange={(e) => setForm({ ...form, firstName: e.target.value })}
          />
          <Field
            label={t.profile.lastName}
            name="lastName"
            required
            value={form.lastName}
            error={save.fields.lastName}
            onChange={(e) => setForm({ ...form, lastName: e.target.value })}
          />
          <Field
            label={t.profile.phone}
            name="phone"
            type="tel"
            value={form.phone}
            error={save.fields.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
          />
          <Field
            label={`${t.profile.email} · ${t.profile.readOnly}`}
            name="email"
            value={p?.email ?? ''}
            readOnly
            disabled
          />
          <Field
            label={`${t.profile.entity} · ${t.profile.readOnly}`}
            name="entity"
            value={p?.entityName ?? ''}
            readOnly
            disabled
          />
          <Field
            label={`${t.profile.branch} · ${t.profile.readOnly}`}
            name="branch"
            value={p?.branchName ?? '—'}
            readOnly
            disabled
          />
        </div>
        <div className="form-actions">
          <button className="btn btn-primary" disabled={!p} aria-disabled={save.isPending}>
            {t.app.save}
          </button>
        </div>
      </form>
      <PasswordForm />
    </main>
  );
}
