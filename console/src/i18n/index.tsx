// i18n: one typed dictionary per language for the whole console (desk, public pages, video call):
// Spanish by default, English on request; the choice is remembered on this device. `en` is typed
// as es's shape, so a key missing or extra in either fails the type check.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { es, type Dictionary } from './es';

export type Lang = 'es' | 'en';
const DICTS: Record<Lang, Dictionary> = { es, en };
const STORAGE_KEY = 'ventanilla.lang';

interface I18n {
  t: Dictionary;
  lang: Lang;
  setLang(l: Lang): void;
  locale: string;
}
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es'));
  const value = useMemo<I18n>(
    () => ({
      t: DICTS[lang],
      lang,
      locale: lang === 'es' ? 'es-CO' : 'en-US',
      setLang: (l) => {
        localStorage.setItem(STORAGE_KEY, l);
        document.documentElement.lang = l;
        setLangState(l);
      },
    }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/** A word looked up by a key the server sends (a timeline event, a ticket step), undefined when this dictionary has none. */
export const word = (words: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(words, key) ? words[key] : undefined;
