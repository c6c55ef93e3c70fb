// i18n: one typed dictionary per language for the whole console (desk, public pages, video call):
// Spanish by default, English on request; the choice is remembered on this device. `en` is typed
// as es's shape, so a key missing or extra in either fails the type check.
// Issue 17: Spanish, the first language, comes with the first download; English arrives when it
// is chosen, so a public screen carries one dictionary instead of two.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { es, type Dictionary } from './es';

export type Lang = 'es' | 'en';
const LOAD: Record<Lang, () => Promise<Dictionary>> = {
  es: () => Promise.resolve(es),
  en: async () => (await import('./en')).en,
};
const STORAGE_KEY = 'ventanilla.lang';
const storedLang = (): Lang => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es');

interface I18n {
  t: Dictionary;
  lang: Lang;
  setLang(l: Lang): void;
  locale: string;
}
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  // What is on screen; a language being chosen shows once its dictionary is here, so nothing
  // blanks meanwhile. Only a first load in English waits for it (with nothing on screen).
  const [shown, setShown] = useState<{ lang: Lang; t: Dictionary } | undefined>(() =>
    storedLang() === 'es' ? { lang: 'es', t: es } : undefined,
  );
  const show = useCallback((l: Lang) => {
    LOAD[l]().then(
      (t) => {
        document.documentElement.lang = l;
        setShown({ lang: l, t });
      },
      (err: unknown) => {
        // No network for the dictionary: the screen stays (or starts) in Spanish.
        console.error(`dictionary '${l}' did not load`, err);
        setShown((s) => s ?? { lang: 'es', t: es });
      },
    );
  }, []);
  useEffect(() => {
    if (storedLang() !== 'es') show(storedLang());
  }, [show]);
  const value = useMemo<I18n | undefined>(
    () =>
      shown && {
        t: shown.t,
        lang: shown.lang,
        locale: shown.lang === 'es' ? 'es-CO' : 'en-US',
        setLang: (l) => {
          localStorage.setItem(STORAGE_KEY, l);
          show(l);
        },
      },
    [shown, show],
  );
  return value ? <Ctx.Provider value={value}>{children}</Ctx.Provider> : null;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/** A phrase with a count, in the forms its language distinguishes ("1 tiquete", "2 tiquetes"). */
export interface Plural {
  one: string;
  other: string;
}
/** `{n}` filled and the form chosen by the language's own plural rules (Intl.PluralRules), not by n === 1. */
export const plural = (forms: Plural, n: number, locale: string): string =>
  fill(new Intl.PluralRules(locale).select(n) === 'one' ? forms.one : forms.other, {
    n: new Intl.NumberFormat(locale).format(n),
  });

/** A word looked up by a key the server sends (a timeline event, a ticket step), undefined when this dictionary has none. */
export const word = (words: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(words, key) ? words[key] : undefined;
