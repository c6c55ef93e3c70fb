// Refusals in the back office's language. The data provider hands react-admin the API's body
// (HttpError body: { code, params, fields }); these turn code + params into the sentence of
// errors.<code>, with the vocabulary inside params (ticket statuses, agent states, roles, ticket
// steps) translated too. The English `message` of the API is never shown.
import type { KnownCustomer } from '@domain/customers';
import type { FieldError, FieldErrors } from '@domain/errors';
import { useCallback, useEffect } from 'react';
import { useNotify, useTranslate, type TranslateFunction } from 'react-admin';

type Params = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a bare status most likely means, for answers that did not come from the API itself. */
const codeOfStatus = (status: unknown): string =>
  status === 413
    ? 'PayloadTooLarge'
    : status === 429
      ? 'TooManyRequests'
      : typeof status === 'number' && status >= 500
        ? 'Unavailable'
        : 'unknown';

/** The code and params of whatever the data provider threw (`unknown` for our own bugs). */
export function refusalOf(err: unknown): { code: string; params: Params } {
  if (!isObject(err)) return { code: 'unknown', params: {} };
  const body = err.body;
  if (isObject(body) && typeof body.code === 'string')
    return { code: body.code, params: isObject(body.params) ? body.params : {} };
  return { code: codeOfStatus(err.status), params: {} };
}

/** react-query's `retry`: a refusal (4xx) would be refused again, so it shows at once; a failure to answer is tried up to 3 times. */
export function retryUnlessRefused(failures: number, err: Error): boolean {
  const status = 'status' in err ? err.status : undefined;
  const refused = typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
  return !refused && failures < 3;
}

function paramText(translate: TranslateFunction, name: string, value: unknown): string {
  if (Array.isArray(value)) {
    // A list read as alternatives: the statuses a step allows, the roles it needs.
    const items = value.map((v) => paramText(translate, name, v));
    return items.length <= 1
      ? items.join('')
      : `${items.slice(0, -1).join(', ')} ${translate('ventanilla.or')} ${items.at(-1)!}`;
  }
  // Objects (CustomerExists' customer) are shown by their screens, not inside a sentence.
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const v = String(value);
  switch (name) {
    // Status and state names sit mid-sentence, so they lose their capital.
    case 'status':
    case 'allowed':
      return translate(`ventanilla.status.${v}`, { _: v }).toLocaleLowerCase();
    case 'state':
      return translate(`ventanilla.state.${v}`, { _: v }).toLocaleLowerCase();
    case 'roles':
      return translate(`ventanilla.role.${v}`, { _: v });
    case 'action':
      // Steps arrive as words ("set topics on"); call events name themselves ("record video_joined on").
      return translate(`ventanilla.action.${v.startsWith('record ') ? 'record' : v.replace(/ /g, '_')}`, {
        _: translate('ventanilla.action.other'),
      });
    default:
      return v;
  }
}

/** notify()'s message and messageArgs for a failure; a code this dictionary lacks gets the generic sentence. */
export function errorNotice(
  translate: TranslateFunction,
  err: unknown,
): { message: string; messageArgs: Record<string, string> } {
  const { code, params } = refusalOf(err);
  const args = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, paramText(translate, k, v)]));
  return { message: `errors.${code}`, messageArgs: { ...args, _: translate('errors.unknown') } };
}

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
