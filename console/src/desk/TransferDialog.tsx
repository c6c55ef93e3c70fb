// A12: send a waiting ticket to another service and/or a named agent.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { LIVE_KEYS, listQuery } from '../api/queries';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';

export function TransferDialog({
  ticketId,
  number,
  branchId,
  onDone,
}: {
  ticketId: string;
  number: string;
  branchId: number;
  onDone(): void;
}) {
  const { t } = useI18n();
  const services = useQuery(listQuery('services', { filter: { branchId, active: true }, sort: ['label', 'ASC'] }));
  const agents = useQuery(listQuery('users', { filter: { branchId, role: 'agent' }, sort: ['firstName', 'ASC'] }));
  const loadError = useErrorText(services.error ?? agents.error);
  const [serviceId, setServiceId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [reason, setReason] = useState('');
  const transfer = useApiMutation(
    () =>
      api.post(`/tickets/${ticketId}/transfer`, {
        ...(serviceId ? { serviceId: Number(serviceId) } : {}),
        ...(agentId ? { agentId: Number(agentId) } : {}),
        ...(reason ? { reason } : {}),
      }),
    { invalidates: LIVE_KEYS, onSuccess: onDone },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    transfer.mutate();
  };
  const fieldError = (name: string) =>
    transfer.fields[name] && (
      <span className="field-error" role="alert">
        {transfer.fields[name]}
      </span>
    );
  return (
    <Modal title={fill(t.transfer.title, { number })} onClose={onDone}>
      <form className="form" onSubmit={submit}>
        <Notice kind="error" text={transfer.message ?? loadError} />
        <label className="field">
          <span className="field-label">{t.transfer.service}</span>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} data-testid="transfer-service">
            <option value="">{t.transfer.any}</option>
            {services.data?.rows.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} · {s.name}
              </option>
            ))}
          </select>
          {fieldError('serviceId')}
        </label>
        <label className="field">
          <span className="field-label">{t.transfer.agent}</span>
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="transfer-agent">
            <option value="">{t.transfer.any}</option>
            {agents.data?.rows.map((u) => (
              <option key={u.id} value={u.id}>
                {u.firstName} {u.lastName}
              </option>
            ))}
          </select>
          {fieldError('agentId')}
        </label>
        <label className="field">
          <span className="field-label">{t.transfer.reason}</span>
          <input
            value={reason}
            maxLength={300}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={transfer.fields.reason ? true : undefined}
          />
          {fieldError('reason')}
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onDone}>
            {t.app.cancel}
          </button>
          <button className="btn btn-primary" disabled={transfer.isPending || (!serviceId && !agentId)}>
            {t.transfer.submit}
          </button>
        </div>
      </form>
    </Modal>
  );
}
