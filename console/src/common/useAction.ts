// Runs one server call at a time for a button or form, keeping its error and field errors.
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

export interface Action {
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      return await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      if (err instanceof ApiError) setFields(err.fields);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setFields({});
  }, []);
  return { busy, error, fields, run, clear };
}
