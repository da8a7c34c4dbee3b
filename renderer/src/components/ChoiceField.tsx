import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** For choices written in another language (language names). */
  lang?: string;
}

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
      slotProps={emptyLabel === undefined ? undefined : { inputLabel: { shrink: true }, select: { displayEmpty: true } }}
    >
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {choices.map((choice) => (
        <MenuItem key={choice.value} value={choice.value} lang={choice.lang}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
