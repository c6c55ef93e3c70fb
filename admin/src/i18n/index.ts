import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from './en';
import es from './es';

/** Spanish by default; English from the user menu. Missing keys fall back to the key's text. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : es),
  'es',
  [
    { locale: 'es', name: 'Español' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
