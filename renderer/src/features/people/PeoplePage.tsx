import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity, Person } from '../../../../electron/shared/domain/people';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ErrorAlert } from '../../components/ErrorAlert';
import { personRoleKey } from '../../i18n/labels';
import { PersonDialog } from './PersonDialog';
import { useSettings } from '../../app/settings-context';

/** The ministries and agencies that own projects. */
function EntitiesSection() {
  const { t } = useTranslation();
  const entities = useApiQuery('entities.list', {});
  const create = useApiMutation('entities.create');
  const rename = useApiMutation('entities.update');
  const remove = useApiMutation('entities.delete');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Entity | null>(null);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="entities-heading" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h5" component="h2" id="entities-heading" sx={{ mb: 1 }}>
        {t('entities.heading')}
      </Typography>
      <ErrorAlert error={entities.error ?? create.error ?? rename.error ?? remove.error} />
      {entities.data?.length === 0 && <Typography color="text.secondary">{t('entities.empty')}</Typography>}
      <List dense>
        {entities.data?.map((entity) =>
          editing?.id === entity.id ? (
            <ListItem key={entity.id} disableGutters>
              <form
                style={{ display: 'flex', gap: 8, flex: 1 }}
                onSubmit={(e) => {
                  e.preventDefault();
                  rename.mutate({ id: entity.id, name: editing.name }, { onSuccess: () => setEditing(null) });
                }}
              >
                <TextField size="small" label={t('entities.name')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} autoFocus sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
                <Button type="submit">{t('common.save')}</Button>
                <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
              </form>
            </ListItem>
          ) : (
            <ListItem
              key={entity.id}
              disableGutters
              secondaryAction={
                <>
                  <IconButton aria-label={t('entities.rename', { name: entity.name })} onClick={() => setEditing({ id: entity.id, name: entity.name })}>
                    <EditIcon />
                  </IconButton>
                  <IconButton aria-label={t('entities.delete', { name: entity.name })} onClick={() => setDeleting(entity)}>
                    <DeleteOutlineIcon />
                  </IconButton>
                </>
              }
            >
              <ListItemText primary={<span dir="auto">{entity.name}</span>} />
            </ListItem>
          ),
        )}
      </List>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        sx={{ mt: 1 }}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name }, { onSuccess: () => setName('') });
        }}
      >
        <TextField size="small" label={t('entities.new')} value={name} onChange={(e) => setName(e.target.value)} sx={{ flex: 1, maxWidth: 420 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={name.trim() === '' || create.isPending}>
          {t('entities.add')}
        </Button>
      </Stack>
      <ConfirmDelete record={deleting} title={t('entities.deleteTitle')} message={t('entities.deleteMessage')} remove={remove} onClose={() => setDeleting(null)} />
    </Paper>
  );
}

function PeopleSection() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const people = useApiQuery('people.list', {});
  const entities = useApiQuery('entities.list', {});
  const remove = useApiMutation('people.delete');
  // The person's id: the dialog edits the person as the list now has them, not as they were when it opened.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = editing === 'new' ? null : people.data?.find((p) => p.id === editing);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const entityName = (id: string | null) => entities.data?.find((e) => e.id === id)?.name;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="people-heading" sx={{ p: 3 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" component="h2" id="people-heading">
          {t('people.heading')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
          {t('people.new')}
        </Button>
      </Stack>
      <ErrorAlert error={people.error} />
      {people.data?.length === 0 && <Typography color="text.secondary">{t('people.empty')}</Typography>}
      <List>
        {people.data?.map((person) => (
          <ListItem
            key={person.id}
            divider
            disableGutters
            secondaryAction={
              <>
                <IconButton aria-label={t('people.edit', { name: person.name })} onClick={() => setEditing(person.id)}>
                  <EditIcon />
                </IconButton>
                <IconButton aria-label={t('people.delete', { name: person.name })} onClick={() => setDeleting(person)}>
                  <DeleteOutlineIcon />
                </IconButton>
              </>
            }
          >
            <ListItemText
              primary={<span dir="auto">{person.name}</span>}
              secondary={format.parts(t(personRoleKey(person.role)), entityName(person.entityId), person.email)}
            />
          </ListItem>
        ))}
      </List>
      {(editing === 'new' || edited) && <PersonDialog person={edited ?? null} onClose={() => setEditing(null)} />}
      <ConfirmDelete record={deleting} title={t('people.deleteTitle')} message={t('people.deleteMessage')} remove={remove} onClose={() => setDeleting(null)} />
    </Paper>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 3 }}>
        {t('people.pageHeading')}
      </Typography>
      <EntitiesSection />
      <PeopleSection />
    </Box>
  );
}
