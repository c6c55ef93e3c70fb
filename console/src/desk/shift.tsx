// The agent's open shift (A3–A12), as the server has it. Every screen reads it from here and
// every change is a server call followed by a refetch: reload or reconnect shows the same state.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { logUnexpected } from '../common/useAction';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import type { ShiftView } from '../api/types';
import { useStaffEvents } from '../realtime/useSocket';

interface ShiftCtx {
  /** undefined while loading; null when no shift is open. */
  shift: ShiftView | null | undefined;
  error: string | null;
  reload(): Promise<void>;
  /** Bumps on every ticket or shift event of the branch: live lists refetch on it. */
  queueVersion: number;
  notificationVersion: number;
}
const Ctx = createContext<ShiftCtx | null>(null);

export function ShiftProvider({ children }: { children: ReactNode }) {
  const [shift, setShift] = useState<ShiftView | null>();
  const { t } = useI18n();
  const [failed, setFailed] = useState<{ err: unknown }>();
  const [queueVersion, setQueueVersion] = useState(0);
  const [notificationVersion, setNotificationVersion] = useState(0);
  const reload = useCallback(async () => {
    try {
      setShift(await api.get<ShiftView>('/shifts/current'));
      setFailed(undefined);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setShift(null);
      else {
        logUnexpected(err);
        setFailed({ err });
      }
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  useStaffEvents({
    ticket: () => {
      setQueueVersion((v) => v + 1);
      void reload();
    },
    shift: () => {
      setQueueVersion((v) => v + 1);
      void reload();
    },
    notification: () => setNotificationVersion((v) => v + 1),
    connect: () => {
      setQueueVersion((v) => v + 1);
      void reload();
    },
  });
  const error = failed ? errorText(t, failed.err) : null;
  return <Ctx.Provider value={{ shift, error, reload, queueVersion, notificationVersion }}>{children}</Ctx.Provider>;
}

export function useShift(): ShiftCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useShift outside ShiftProvider');
  return v;
}
