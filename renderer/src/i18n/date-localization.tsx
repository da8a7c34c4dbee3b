/**
 * The date pickers speak the app's language, not the browser's: month and weekday names, the first
 * day of the week (dayjs locales), the digits the lab chose, and every label and placeholder (our
 * catalogues; MUI X ships no Arabic or Uzbek texts).
 */
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import type { PickersLocaleText } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/ar';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/ru';
import 'dayjs/locale/uz-latn';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../electron/shared/domain/settings';

const DAYJS_LOCALES: Record<Language, string> = { en: 'en-gb', ar: 'ar', uz: 'uz-latn', ru: 'ru' };
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/**
 * The adapter for a lab that writes Arabic-Indic digits: it formats with them (the pickers take their
 * digits from it) and reads them back as Latin ones, which is what dayjs parses.
 */
class AdapterDayjsArabicDigits extends AdapterDayjs {
  constructor(...args: ConstructorParameters<typeof AdapterDayjs>) {
    super(...args);
    const { formatByString, parse } = this;
    this.formatByString = (value, format) => formatByString(value, format).replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]);
    this.parse = (value, format) => parse(value.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d))), format);
  }
}

export function DateLocalization({ language, numerals, children }: { language: Language; numerals: Settings['numerals']; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const localeText = useMemo<Partial<PickersLocaleText>>(
    () => ({
      previousMonth: t('datePicker.previousMonth'),
      nextMonth: t('datePicker.nextMonth'),
      openPreviousView: t('datePicker.openPreviousView'),
      openNextView: t('datePicker.openNextView'),
      calendarViewSwitchingButtonAriaLabel: (view) => t(view === 'year' ? 'datePicker.toCalendarView' : 'datePicker.toYearView'),
      cancelButtonLabel: t('datePicker.cancel'),
      clearButtonLabel: t('datePicker.clear'),
      fieldClearLabel: t('datePicker.clear'),
      okButtonLabel: t('datePicker.ok'),
      todayButtonLabel: t('datePicker.today'),
      datePickerToolbarTitle: t('datePicker.toolbarTitle'),
      openDatePickerDialogue: (formatted) => (formatted ? t('datePicker.chooseSelected', { date: formatted }) : t('datePicker.choose')),
      dateTableLabel: t('datePicker.table'),
      fieldDayPlaceholder: () => t('datePicker.dayPlaceholder'),
      fieldMonthPlaceholder: () => t('datePicker.monthPlaceholder'),
      fieldYearPlaceholder: () => t('datePicker.yearPlaceholder'),
      year: t('datePicker.year'),
      month: t('datePicker.month'),
      day: t('datePicker.day'),
      empty: t('datePicker.empty'),
    }),
    // i18n.language: the texts follow a language switch as soon as its catalogue is applied.
    [t, i18n.language],
  );
  return (
    <LocalizationProvider dateAdapter={numerals === 'arab' ? AdapterDayjsArabicDigits : AdapterDayjs} adapterLocale={DAYJS_LOCALES[language]} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}
