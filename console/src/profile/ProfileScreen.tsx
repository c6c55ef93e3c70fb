// E1–E4: the agent's own data; e-mail, entity and branch are shown read-only.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Profile } from '../api/types';
import { useSession } from '../auth/session';
import { Field } from '../common/Field';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';
import { PasswordForm } from './PasswordForm';

export function ProfileScreen() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const profile = useLoad(() => api.get<Profile>('/profile'), []);
  const [form, setForm] = useState({ firstName: '', lastName: '', phone: '' });
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (profile.data) setForm({ firstName: profile.data.firstName, lastName: profile.data.lastName, phone: profile.data.phone ?? '' });
  }, [profile.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await action.run(() => api.put('/profile', { firstName: form.firstName, lastName: form.lastName, phone: form.phone.trim() || null }));
    if (ok) {
      setSaved(true);
      await refresh();
    }
  };
  const p = profile.data;
  return (
    <main className="page narrow">
      <h1>{t.profile.title}</h1>
      <Notice kind="error" text={profile.error} />
      <form className="panel form" onSubmit={(e) => void submit(e)} data-testid="profile-form">
        <Notice kind="error" text={action.error} />
        <Notice kind="ok" text={saved ? t.app.saved : null} />
        <div className="form-grid">
          <Field label={t.profile.firstName} name="firstName" required value={form.firstName} error={action.fields.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} />
          <Field label={t.profile.lastName} name="lastName" required value={form.lastName} error={action.fields.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} />
          <Field label={t.profile.phone} name="phone" type="tel" value={form.phone} error={action.fields.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
          <Field label={`${t.profile.email} · ${t.profile.readOnly}`} name="email" value={p?.email ?? ''} readOnly disabled />
          <Field label={`${t.profile.entity} · ${t.profile.readOnly}`} name="entity" value={p?.entityName ?? ''} readOnly disabled />
          <Field label={`${t.profile.branch} · ${t.profile.readOnly}`} name="branch" value={p?.branchName ?? '—'} readOnly disabled />
        </div>
        <div className="form-actions"><button className="btn btn-primary" disabled={action.busy || !p}>{t.app.save}</button></div>
      </form>
      <PasswordForm />
    </main>
  );
}
