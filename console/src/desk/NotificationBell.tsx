// A2: appointment confirmations and other notices, live (socket) with an unread count.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { keys, notificationsQuery } from '../api/queries';
import { focusIsLost } from '../common/focus';
import { formatDateTime } from '../common/time';
import { useDismiss } from '../common/useDismiss';
import { useI18n } from '../i18n';

export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useDismiss(
    anchor,
    open,
    useCallback(() => setOpen(false), []),
  );
  const list = useQuery(notificationsQuery);
  const listError = useErrorText(list.error);
  const rows = list.data?.rows ?? [];
  const unread = Number(list.data?.headers.get('x-unread-count') ?? rows.filter((n) => !n.readAt).length);
  // "Mark all as read" goes away once nothing is unread: the keyboard goes back to the bell.
  const bell = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open && focusIsLost()) bell.current?.focus();
  }, [open, unread]);
  // `null`: all of them.
  const mark = useApiMutation(
    (id: number | null) => api.post(id === null ? '/notifications/read-all' : `/notifications/${id}/read`),
    { invalidates: [keys.notifications] },
  );
  return (
    <div className="popover-anchor" ref={anchor}>
      <button
        type="button"
        ref={bell}
        className="btn-icon bell"
        aria-label={`${t.desk.notifications} (${unread})`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="popover popover-wide" role="dialog" aria-label={t.desk.notifications}>
          <div className="popover-head">
            <strong>{t.desk.notifications}</strong>
            {unread > 0 && (
              <button type="button" className="btn-link" onClick={() => mark.mutate(null)}>
                {t.desk.markAll}
              </button>
            )}
          </div>
          {listError && <p className="muted">{listError}</p>}
          {rows.length === 0 && !listError && <p className="muted pad">{t.desk.noNotifications}</p>}
          <ul className="notif-list">
            {rows.map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <button type="button" onClick={() => mark.mutate(n.id)}>
                  <span className="notif-title">{n.title}</span>
                  {n.body && <span className="notif-body">{n.body}</span>}
                  <span className="notif-time">{formatDateTime(n.createdAt, locale)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
