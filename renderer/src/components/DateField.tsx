/**
 * A calendar date field in the app's language, date order and digits (the browser's own date input
 * follows the operating system's locale instead), typed in the Gregorian calendar. Its value is a
 * YYYY-MM-DD string, '' when empty; a date still being typed counts as empty, as in a native input.
 */
import type { SxProps, Theme } from '@mui/material/styles';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useSettings } from '../app/settings-context';

const ISO = 'YYYY-MM-DD';
const parse = (value: string) => (value ? dayjs(value) : null);
const isoOf = (date: Dayjs | null) => (date?.isValid() ? date.format(ISO) : '');

/**
 * MUI X lays day, month and year out left to right in every language. Each part is isolated for the
 * bidi algorithm so that Arabic placeholders (يوم/شهر/سنة) keep that order as digits do: without it
 * they run together right to left, and an Arabic field would read one way empty and the other filled.
 */
const ISOLATED_SECTIONS = { '& .MuiPickersSectionList-section': { unicodeBidi: 'isolate' } } as const;

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: boolean;
  helperText?: ReactNode;
  /** Called when the user changes the date (a form takes the field's message away then). */
  onInput?: () => void;
  required?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

export function DateField({ label, value, onChange, error, helperText, onInput, required, size, fullWidth, sx }: DateFieldProps) {
  const { settings, format } = useSettings();
  // The picker keeps a half-typed date of its own; a new value from outside (a reset, a loaded record) replaces it.
  const [draft, setDraft] = useState<Dayjs | null>(() => parse(value));
  if (value !== isoOf(draft)) setDraft(parse(value));
  return (
    <DatePicker
      label={label}
      value={draft}
      format={format.dateInput}
      onChange={(next) => {
        setDraft(next);
        onInput?.();
        onChange(isoOf(next));
      }}
      slotProps={{
        textField: {
          error,
          // Dates are typed in the Gregorian calendar; a lab that reads the Hijri calendar sees the chosen day in it beneath.
          helperText: helperText ?? (value && settings.calendar !== 'gregory' ? format.date(value) : undefined),
          required,
          size,
          fullWidth,
          sx: [ISOLATED_SECTIONS, ...(Array.isArray(sx) ? sx : [sx])],
        },
        field: { clearable: !required },
      }}
    />
  );
}
