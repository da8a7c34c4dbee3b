import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** For choices written in another language (language names). */
  lang?: string;
  /** Written by people (a person's or entity's name, a title, a KPI): shown in its own direction. */
  userText?: boolean;
}

/** A choice's label as shown in the list and in the field, isolated when people wrote it. */
const labelOf = <V extends string | number>(choice: Choice<V>) => (
  <span dir={choice.userText ? 'auto' : undefined} lang={choice.lang}>
    {choice.label}
  </span>
);

interface Props<V extends string | number> {
  label: string;
  value: V | '';
  choices: readonly Choice<V>[];
  onChange(value: V | ''): void;
  /** Offers an empty choice ("All stages", "Not set") with this label. */
  emptyLabel?: string;
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

/** A labelled select over a fixed list of choices; the empty choice shows its label, not a blank. */
export function ChoiceField<V extends string | number>({ label, value, choices, onChange, emptyLabel, fullWidth, sx }: Props<V>) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V | '')}
      fullWidth={fullWidth}
      sx={sx}
      slotProps={{
        ...(emptyLabel === undefined ? {} : { inputLabel: { shrink: true } }),
        select: {
          displayEmpty: emptyLabel !== undefined,
          renderValue: (selected) => {
            const choice = choices.find((c) => c.value === selected);
            return choice ? labelOf(choice) : (emptyLabel ?? '');
          },
        },
      }}
    >
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {choices.map((choice) => (
        <MenuItem key={choice.value} value={choice.value}>
          {labelOf(choice)}
        </MenuItem>
      ))}
    </TextField>
  );
}
