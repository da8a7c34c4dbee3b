import PersonRemoveIcon from '@mui/icons-material/PersonRemoveOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES } from '../../../../electron/shared/domain/people';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { memberRoleKey } from '../../i18n/labels';

type MemberRole = (typeof MEMBER_ROLES)[number];

/** Who works on the project, in which role; people come from the People screen. */
export function TeamSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const members = useApiQuery('projects.members', { projectId });
  const people = useApiQuery('people.list', {});
  const setMember = useApiMutation('projects.setMember');
  const removeMember = useApiMutation('projects.removeMember');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const onTeam = new Set(members.data?.map((m) => m.person.id));
  const candidates = (people.data ?? []).filter((p) => !onTeam.has(p.id));
  const section = useRef<HTMLElement>(null);
  // After adding or removing someone, focus goes to the person picker (or the heading, once everyone
  // is on the team) when the list has been read again: the button pressed has gone or is disabled,
  // and focus would fall to the page's body.
  const focusPending = useRef(false);
  const refocus = () => (focusPending.current = true);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    (section.current?.querySelector<HTMLElement>('[role="combobox"]') ?? section.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [members.data]);

  return (
    <section aria-labelledby="team-heading" ref={section}>
      <Typography variant="h5" component="h2" id="team-heading" tabIndex={-1} sx={{ mt: 4, mb: 1 }}>
        {t('team.heading')}
      </Typography>
      <ErrorAlert error={members.error ?? setMember.error ?? removeMember.error} />
      {members.data?.length === 0 && <Typography color="text.secondary">{t('team.empty')}</Typography>}
      <List dense>
        {members.data?.map((m) => (
          <ListItem
            key={m.person.id}
            disableGutters
            secondaryAction={
              <IconButton aria-label={t('team.remove', { name: m.person.name })} onClick={() => removeMember.mutate({ projectId, personId: m.person.id }, { onSuccess: refocus })}>
                <PersonRemoveIcon />
              </IconButton>
            }
          >
            <ListItemText primary={<span dir="auto">{m.person.name}</span>} secondary={t(memberRoleKey(m.role))} />
          </ListItem>
        ))}
      </List>
      {people.data?.length === 0 ? (
        <Button href={hrefFor({ name: 'people' })}>{t('team.addPeopleFirst')}</Button>
      ) : (
        candidates.length > 0 && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <ChoiceField<string> label={t('team.person')} value={personId} choices={candidates.map((p) => ({ value: p.id, label: p.name, userText: true }))} onChange={setPersonId} emptyLabel={t('team.choosePerson')} sx={{ minWidth: 240 }} />
            <ChoiceField<MemberRole> label={t('team.role')} value={role} choices={MEMBER_ROLES.map((r) => ({ value: r, label: t(memberRoleKey(r)) }))} onChange={(r) => r && setRole(r)} sx={{ minWidth: 200 }} />
            <Button
              variant="outlined"
              disabled={!personId || setMember.isPending}
              onClick={() =>
                setMember.mutate(
                  { projectId, personId, role },
                  {
                    onSuccess: () => {
                      setPersonId('');
                      refocus();
                    },
                  },
                )
              }
            >
              {t('team.add')}
            </Button>
          </Stack>
        )
      )}
    </section>
  );
}
