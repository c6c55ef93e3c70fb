// Refusals in the back office's language. The data provider hands react-admin the API's body
// (HttpError body: { code, params, fields }); these turn code + params into the sentence of
// errors.<code>, with the vocabulary inside params (ticket statuses, agent states, roles, ticket
// steps) translated too. The English `message` of the API is never shown.
import type { KnownCustomer } from '@domain/customers';
import type { FieldError, FieldErrors } from '@domain/errors';
import { useCallback, useEffect } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { errorNotice, isObject, refusalOf } from './refusal';

export { errorNotice, refusalOf, retryUnlessRefused } from './refusal';

/** A failure as a sentence, for alerts inside a page. */
export function useErrorText(): (err: unknown) => string {
  const translate = useTranslate();
  return useCallback(
    (err: unknown) => {
      const { message, messageArgs } = errorNotice(translate, err);
      return translate(message, messageArgs);
    },
    [translate],
  );
}

/** A failure as an error notification. */
export function useNotifyError(): (err: unknown) => void {
  const translate = useTranslate();
  const notify = useNotify();
  return useCallback(
    (err: unknown) => {
      const { message, messageArgs } = errorNotice(translate, err);
      notify(message, { type: 'error', messageArgs });
    },
    [translate, notify],
  );
}

/** Notifies a query's failure once per failure (react-query's useQuery has no onError callback). */
export function useNotifyQueryError(error: unknown): void {
  const notifyError = useNotifyError();
  useEffect(() => {
    if (error) notifyError(error);
  }, [error, notifyError]);
}

/** A field error as react-admin's ValidationError words it: the sentence of errors.<code>, with its params. */
export const fieldErrorMessage = ({ code, params }: FieldError) => ({ message: `errors.${code}`, args: params ?? {} });

/**
 * Field errors keyed as the API names them (`customer.firstName`) in the shape a form-level
 * `validate` returns: nested like the form's values. A key with deeper keys under it (`customer`
 * and `customer.firstName`) yields to them: the inputs are where the user can act.
 */
export function formErrors(fields: FieldErrors): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const paths = Object.keys(fields);
  for (const path of paths) {
    if (paths.some((p) => p.startsWith(`${path}.`))) continue;
    const keys = path.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = fieldErrorMessage(fields[path]!);
  }
  return out;
}

/** Issue 12 item 4: the customer that already has this ID number or e-mail (CustomerExists), contact values masked. */
export function existingCustomerOf(err: unknown): KnownCustomer | undefined {
  const { code, params } = refusalOf(err);
  const c = params.customer;
  if (code !== 'CustomerExists' || !isObject(c) || typeof c.id !== 'number') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { id: c.id, name: text(c.name) ?? '', email: text(c.email), phone: text(c.phone), idNumber: text(c.idNumber) };
}
