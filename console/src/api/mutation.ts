// A server call from a button or a form: TanStack's mutation, its refusal worded in the current
// language (`message`, and `fields` by field path), and on success the queries it changes
// refetched before it stops being pending, so the screen never shows the old state as done.
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';
import { useI18n } from '../i18n';
import { errorText, fieldTexts } from '../i18n/errors';
import { logUnexpected } from './errors';

export type ApiMutation<TData, TVars> = UseMutationResult<TData, Error, TVars> & {
  /** The refusal as a sentence (null when none). */
  message: string | null;
  /** Field errors by field path (e.g. `customer.idNumber`), worded. */
  fields: Record<string, string>;
};

export function useApiMutation<TData = unknown, TVars = void>(
  mutationFn: (vars: TVars) => Promise<TData>,
  opts: { invalidates?: readonly QueryKey[]; onSuccess?(data: TData, vars: TVars): void } = {},
): ApiMutation<TData, TVars> {
  const { t } = useI18n();
  const client = useQueryClient();
  // The call as this render wrote it, whenever the mutation runs. TanStack takes new options in an
  // effect, and Preact (the public pages) runs effects after the next frame: a kiosk's ID typed and
  // sent with Enter at once (a scanner does) went out as the form's previous value (issue 17).
  const latest = useRef({ mutationFn, opts });
  latest.current = { mutationFn, opts };
  const m = useMutation<TData, Error, TVars>({
    mutationFn: (vars) => latest.current.mutationFn(vars),
    onError: logUnexpected,
    onSuccess: async (data, vars) => {
      const { invalidates, onSuccess } = latest.current.opts;
      await Promise.all((invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      onSuccess?.(data, vars);
    },
  });
  return { ...m, message: m.error ? errorText(t, m.error) : null, fields: m.error ? fieldTexts(t, m.error) : {} };
}

/** A query's failure as a sentence in the current language (null when none). */
export function useErrorText(err: unknown): string | null {
  const { t } = useI18n();
  return err ? errorText(t, err) : null;
}
