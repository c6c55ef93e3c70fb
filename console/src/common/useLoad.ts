// Loads data for a screen and reloads it on demand (socket events call `reload`). A failure is
// kept as thrown and worded at render, so it follows the language switch.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { logUnexpected } from './useAction';

export interface Loaded<T> { data: T | undefined; error: string | null; reload(): void }

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T>();
  const [failed, setFailed] = useState<{ err: unknown }>();
  const generation = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    fnRef.current().then(
      (d) => { if (mine === generation.current) { setData(d); setFailed(undefined); } },
      (err: unknown) => {
        logUnexpected(err);
        if (mine === generation.current) setFailed({ err });
      },
    );
  }, []);
  useEffect(reload, deps);
  return { data, error: failed ? errorText(t, failed.err) : null, reload };
}
