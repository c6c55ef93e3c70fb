// Runs one server call at a time for a button or form, keeping its failure: worded for the
// screen (error, fields) in the current language, and as thrown for screens that answer a
// refusal themselves (e.g. CustomerExists offers the existing customer).
import { useCallback, useState } from 'react';
import { Refusal } from '../api/errors';
import { useI18n } from '../i18n';
import { errorText, fieldTexts } from '../i18n/errors';

export interface Action {
  busy: boolean;
  error: string | null;
  /** Field errors by field path, worded. */
  fields: Record<string, string>;
  /** The last failure as thrown; undefined after a success or `clear`. */
  failure: unknown;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

/** A failure that is no refusal is our own bug or the browser's: the screen says so generically, the console keeps it. */
export function logUnexpected(err: unknown): void {
  if (!(err instanceof Refusal)) console.error(err);
}

export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  // Boxed, so a failure that is itself undefined still counts as one.
  const [failed, setFailed] = useState<{ err: unknown }>();
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailed(undefined);
    try {
      return await fn();
    } catch (err) {
      logUnexpected(err);
      setFailed({ err });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setFailed(undefined), []);
  return {
    busy, run, clear, failure: failed?.err,
    error: failed ? errorText(t, failed.err) : null,
    fields: failed ? fieldTexts(t, failed.err) : {},
  };
}
