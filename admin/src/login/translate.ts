// The login's words before react-admin is here: the back office's own dictionaries (the same
// keys react-admin's polyglot reads after login) behind a translate that fills %{name} and picks
// the `a |||| b` form by smart_count, as polyglot does for Spanish and English.
import type { TranslateFunction } from 'react-admin';
import es from '../i18n/es';

export type Locale = 'es' | 'en';

/** The language chosen in the back office (react-admin keeps it in its localStorage store). */
export const storedLocale = (): Locale => (localStorage.getItem('RaStore.locale') === '"en"' ? 'en' : 'es');

export async function loadMessages(locale: Locale): Promise<object> {
  return locale === 'en' ? (await import('../i18n/en')).default : es;
}

export function translatorOf(messages: object): TranslateFunction {
  return (key: string, options: Record<string, unknown> = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>(
        (node, k) => (typeof node === 'object' && node !== null ? (node as never)[k] : undefined),
        messages,
      );
    const text = typeof found === 'string' ? found : typeof options._ === 'string' ? options._ : key;
    const forms = text.split(' |||| ');
    const chosen = forms.length > 1 && options.smart_count !== 1 ? forms[1]! : forms[0]!;
    return chosen.replace(/%\{(\w+)\}/g, (whole, name: string) =>
      options[name] === undefined ? whole : String(options[name]),
    );
  };
}
