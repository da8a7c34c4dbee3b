/**
 * A calendar date field in the app's language and date order (the browser's own date input follows
 * the operating system's locale instead), typed in the Gregorian calendar. Its value is a YYYY-MM-DD string, '' when empty; a date
 * still being typed counts as empty, as it does in a native date input.
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
 * Each part of the date is isolated for the bidi algorithm: in an Arabic page the parts then run right
 * to left, day first, as the app shows dates there (2026/07/20), while typing as when shown. Without it
 * the digits of day, month and year run together left to right, and Arabic placeholders do not.
 */
const ISOLATED_SECTIONS = { '& .MuiPickersSectionList-section': { unicodeBidi: 'isolate' } } as const;

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

export function DateField({ label, value, onChange, error, helperText, required, size, fullWidth, sx }: DateFieldProps) {
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
