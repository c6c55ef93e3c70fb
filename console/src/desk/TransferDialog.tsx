// A12: send a waiting ticket to another service and/or a named agent.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Service, User } from '../api/types';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { fill, useI18n } from '../i18n';

export function TransferDialog({ ticketId, number, branchId, onDone }: { ticketId: string; number: string; branchId: number; onDone(): void }) {
  const { t } = useI18n();
  const services = useLoad(() => api.list<Service>('services', { filter: { branchId, active: true }, sort: ['label', 'ASC'] }), [branchId]);
  const agents = useLoad(() => api.list<User>('users', { filter: { branchId, role: 'agent' }, sort: ['firstName', 'ASC'] }), [branchId]);
  const [serviceId, setServiceId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.post(`/tickets/${ticketId}/transfer`, {
      ...(serviceId ? { serviceId: Number(serviceId) } : {}), ...(agentId ? { agentId: Number(agentId) } : {}), ...(reason ? { reason } : {}),
    }));
    if (ok) onDone();
  };
  return (
    <Modal title={fill(t.transfer.title, { number })} onClose={onDone}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Notice kind="error" text={action.error ?? services.error ?? agents.error} />
        <label className="field"><span className="field-label">{t.transfer.service}</span>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} data-testid="transfer-service">
            <option value="">{t.transfer.any}</option>
            {services.data?.rows.map((s) => <option key={s.id} value={s.id}>{s.label} · {s.name}</option>)}
          </select>
          {action.fields.serviceId && <span className="field-error" role="alert">{action.fields.serviceId}</span>}
        </label>
        <label className="field"><span className="field-label">{t.transfer.agent}</span>
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="transfer-agent">
            <option value="">{t.transfer.any}</option>
            {agents.data?.rows.map((u) => <option key={u.id} value={u.id}>{u.firstName} {u.lastName}</option>)}
          </select>
          {action.fields.agentId && <span className="field-error" role="alert">{action.fields.agentId}</span>}
        </label>
        <label className="field"><span className="field-label">{t.transfer.reason}</span>
          <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} aria-invalid={action.fields.reason ? true : undefined} />
          {action.fields.reason && <span className="field-error" role="alert">{action.fields.reason}</span>}
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onDone}>{t.app.cancel}</button>
          <button className="btn btn-primary" disabled={action.busy || (!serviceId && !agentId)}>{t.transfer.submit}</button>
        </div>
      </form>
    </Modal>
  );
}
