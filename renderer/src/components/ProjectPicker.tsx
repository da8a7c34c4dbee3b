import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import type { Project } from '../../../electron/shared/domain/project';

interface Common {
  label: string;
  /** The projects found for what is typed (the search runs on the server). */
  options: readonly Project[];
  loading?: boolean;
  search: string;
  onSearch(text: string): void;
  noOptionsText?: string;
  sx?: SxProps<Theme>;
}

type Props = Common & ({ multiple: true; value: Project[]; onChange(value: Project[]): void } | { multiple?: false; value: null; onChange(value: Project | null): void });

/** A title as people wrote it: in its own direction inside the page's. */
const title = (p: Project) => <span dir="auto">{p.title}</span>;

/**
 * Finds projects by title as the user types: one to pick, or several as chips. Titles, typed text and
 * chips each keep their own direction, so a Latin title reads right in Arabic and the reverse.
 */
export function ProjectPicker({ label, options, loading, search, onSearch, noOptionsText, sx, ...choice }: Props) {
  return (
    <Autocomplete<Project, boolean>
      multiple={choice.multiple}
      options={options}
      filterOptions={(x) => x}
      loading={loading}
      value={choice.value}
      onChange={(_e, value) => (choice.multiple ? choice.onChange(value as Project[]) : choice.onChange(value as Project | null))}
      inputValue={search}
      onInputChange={(_e, value) => onSearch(value)}
      getOptionLabel={(p) => p.title}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={noOptionsText}
      renderOption={({ key, ...props }, p) => (
        <li key={key} {...props}>
          {title(p)}
        </li>
      )}
      renderValue={(value, getItemProps) =>
        Array.isArray(value)
          ? value.map((p, index) => <Chip key={p.id} {...getItemProps({ index })} label={title(p)} />)
          : null
      }
      renderInput={(params) => <TextField {...params} label={label} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, dir: 'auto' } }} />}
      sx={sx}
    />
  );
}
