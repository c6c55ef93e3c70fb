// Loads data for a screen and reloads it on demand (socket events call `reload`).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> { data: T | undefined; error: string | null; reload(): void }

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    fnRef.current().then(
      (d) => { if (mine === generation.current) { setData(d); setError(null); } },
      (err: unknown) => { if (mine === generation.current) setError(err instanceof Error ? err.message : String(err)); },
    );
  }, []);
  useEffect(reload, deps);
  return { data, error, reload };
}
