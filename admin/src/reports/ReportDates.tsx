// Issue 19: the report's range in the user's language — MUI X date pickers on date-fns, localised
// by the react-admin locale (Spanish: dd/mm/aaaa, English: mm/dd/yyyy), never the browser's own
// native picker, whose format follows the operating system instead of the page.
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { enUS as pickersEn, esES as pickersEs } from '@mui/x-date-pickers/locales';
import { format, isValid, parseISO } from 'date-fns';
import { enUS, es } from 'date-fns/locale';
import type { ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

const LOCALES = {
  es: { dates: es, pickers: pickersEs },
  en: { dates: enUS, pickers: pickersEn },
} as const;
type Lang = keyof typeof LOCALES;

/** The back office's language as the reports use it (Spanish unless English was chosen). */
export function useReportLang(): Lang {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'es';
}

/** A YYYY-MM-DD day as the language writes it (24/11/2026; 11/24/2026). */
export const writtenDay = (day: string, lang: Lang): string =>
  format(parseISO(day), 'P', { locale: LOCALES[lang].dates });

export function ReportDatesProvider({ children }: { children: ReactNode }) {
  const lang = useReportLang();
  const l = LOCALES[lang];
  return (
    <LocalizationProvider
      dateAdapter={AdapterDateFns}
      adapterLocale={l.dates}
      localeText={l.pickers.components.MuiLocalizationProvider.defaultProps.localeText}
    >
      {children}
    </LocalizationProvider>
  );
}

/** One end of the range: a day as YYYY-MM-DD in and out; an incomplete date keeps the last valid one. */
export function DayPicker(props: { label: string; value: string; onChange: (day: string) => void; testId: string }) {
  return (
    <DatePicker
      label={props.label}
      value={parseISO(props.value)}
      onChange={(d) => {
        if (d && isValid(d)) props.onChange(format(d, 'yyyy-MM-dd'));
      }}
      slotProps={{ textField: { size: 'small', fullWidth: false, id: props.testId, sx: { width: 180 } } }}
    />
  );
}
