// A9, A12: everyone this agent may serve, refreshed on every queue event. In manual mode each
// row gets Attend (call it to this desk) and Transfer. Issue 16: each wait ticks against its
// service's target, with how many wait per service.
import type { ShiftView } from '@domain/contracts/shifts';
import type { WaitingItem } from '@domain/contracts/tickets';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { LIVE_KEYS, waitingQuery } from '../api/queries';
import { useTakeLostFocus } from '../common/focus';
import { Notice } from '../common/Notice';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n';
import { codeText, nextText } from '../i18n/errors';
import { TransferDialog } from './TransferDialog';
import { ServiceCounts, SlaLegend, useNow, WaitTime } from './WaitTime';

export function WaitingList({ shift }: { shift: ShiftView }) {
  const { t, locale } = useI18n();
  const list = useQuery(waitingQuery(shift));
  const now = useNow();
  const listError = useErrorText(list.error);
  const [transferring, setTransferring] = useState<WaitingItem>();
  // After Finish (the call panel went away with the focused button), or once a row whose button
  // had the focus left the list (a transfer from it): the keyboard lands here.
  const title = useRef<HTMLHeadingElement>(null);
  // Either may come first: the dialog closing (its opener already gone) or the list refetching.
  const [dialogsClosed, setDialogsClosed] = useState(0);
  useTakeLostFocus(title, `${list.dataUpdatedAt}:${dialogsClosed}`);
  // A ticket id: call that one to this desk (A12); null: whoever dispatch says is next.
  const call = useApiMutation(
    (ticketId: string | null) =>
      ticketId === null
        ? api.post('/shifts/current/call-next')
        : api.post(`/tickets/${ticketId}/call`, { deskId: shift.deskId }),
    { invalidates: LIVE_KEYS },
  );
  const rows = list.data ?? [];
  const busy = shift.currentTicketId !== null;
  // Issue 16: only Online calls customers (A3); on a break or offline the buttons say why they
  // are off — the same sentence the server's refusal (NotOnline) would give.
  const away = shift.state !== 'online';
  const awayWhy = away ? codeText(t, 'NotOnline', { state: shift.state }) : null;
  const why = rows[0]?.why ? nextText(t, rows[0].why) : null;
  return (
    <section className="panel grow" aria-labelledby="waiting-title">
      <div className="panel-head">
        <h2 id="waiting-title" className="panel-title" ref={title} tabIndex={-1}>
          {t.desk.waiting}{' '}
          <span className="count" data-testid="waiting-count">
            {rows.length}
          </span>
        </h2>
        {shift.manualMode && (
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy || away || rows.length === 0 || call.isPending}
            aria-describedby={awayWhy ? 'attend-why' : undefined}
            onClick={() => call.mutate(null)}
          >
            {t.desk.callNext}
          </button>
        )}
      </div>
      {shift.state === 'offline' && <Notice kind="info" text={t.desk.offlineHint} />}
      {shift.manualMode && awayWhy && (
        <p className="muted" id="attend-why" data-testid="attend-why">
          {awayWhy}
        </p>
      )}
      <Notice kind="error" text={call.message ?? listError} />
      {why && (
        <p className="muted why-next" data-testid="why-next">
          <span className="eyebrow">{t.desk.whyNext}</span> {why}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t.desk.waitingEmpty}</p>
      ) : (
        <>
          <ServiceCounts rows={rows} />
          <SlaLegend />
          <div className="table-wrap">
            <table className="table" data-testid="waiting-list">
              <thead>
                <tr>
                  <th>{t.desk.colNumber}</th>
                  {/* The ID number goes under the name: seven columns overflowed a 1280 px laptop. */}
                  <th>{t.desk.colCustomer}</th>
                  <th>{t.desk.colKind}</th>
                  <th>{t.desk.colService}</th>
                  <th>{t.sla.waited}</th>
                  {shift.manualMode && (
                    <th>
                      <span className="sr-only">{t.desk.attend}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((w) => (
                  <tr key={w.ticketId} data-number={w.number}>
                    <td className="mono strong">
                      {w.kind === 'appointment' && w.scheduledAt ? formatClock(w.scheduledAt, locale) : w.number}
                    </td>
                    <td className="truncate wide-cell">
                      {w.customerName ?? <span className="muted">{t.attention.anonymous}</span>}
                      {w.customerIdNumber && (
                        <span className="sub mono">
                          <span className="sr-only">{t.desk.colId}: </span>
                          {w.customerIdNumber}
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`kind kind-${w.kind}`}>{t.kinds[w.kind]}</span>
                    </td>
                    <td className="truncate">
                      {w.serviceName}
                      {w.support && <span className="tag">{t.desk.supportTag}</span>}
                    </td>
                    <td>
                      <WaitTime item={w} receivedAt={list.dataUpdatedAt} now={now} />
                    </td>
                    {shift.manualMode && (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-sm btn-primary"
                          disabled={busy || away || call.isPending}
                          aria-describedby={awayWhy ? 'attend-why' : undefined}
                          onClick={() => call.mutate(w.ticketId)}
                        >
                          {t.desk.attend}
                        </button>
                        <button type="button" className="btn btn-sm" onClick={() => setTransferring(w)}>
                          {t.desk.transfer}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {transferring && (
        <TransferDialog
          ticketId={transferring.ticketId}
          number={transferring.number}
          branchId={shift.branchId}
          onDone={() => {
            setTransferring(undefined);
            setDialogsClosed((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
