// The API's refusals as data and as sentences, with no runtime import of react-admin: the login
// page (login/), which renders before react-admin is downloaded, words its refusals with these
// too. The hooks that notify them live in errors.ts.
import type { TranslateFunction } from 'react-admin';

type Params = Record<string, unknown>;
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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
