import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/shared/domain/project';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { evidenceKey, statusKey } from '../../i18n/labels';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { ExportBundleDialog } from '../bundles/ExportBundleDialog';
import { GateDialog, type GateRequest } from '../gates/GateDialog';
import { GateHistory } from '../gates/GateHistory';
import { IdeaList } from '../ideas/IdeaList';
import { ProjectPilots } from '../pilots/ProjectPilots';
import { ActivityList } from './ActivityList';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { formFromProject, patchInput } from './form-values';
import { ProjectForm } from './ProjectForm';
import { StageStepper } from './StageStepper';
import { ProjectCanvases } from '../canvases/ProjectCanvases';
import { StageTools } from './StageTools';
import { TeamSection } from './TeamSection';
import { useProjectForm } from './use-project-form';

export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const project = useApiQuery('projects.get', { id });
  return (
    <Box>
      <Button href={hrefFor({ name: 'projects' })} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
        {t('projects.backToList')}
      </Button>
      {project.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={project.error} />
      {project.data && <ProjectView key={project.data.id} project={project.data} />}
    </Box>
  );
}

/** Where the project stands: stage, status and evidence, and the gate action that fits. */
function ProjectStanding({ project, onGate, onTemplate }: { project: Project; onGate(request: GateRequest): void; onTemplate(templateId: string): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const evidence = (level: number | null) => (level === null ? t('evidence.notAssessed') : format.parts(format.number(level), t(evidenceKey(level))));
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip label={t(statusKey(project.status))} color={project.status === 'active' ? 'primary' : 'default'} variant="outlined" />
        <Typography>
          {format.parts(
            t('evidence.current', { level: evidence(project.evidenceLevel) }),
            // A target is set or not; "not assessed" is said of the evidence so far.
            t('evidence.target', { level: project.evidenceTarget === null ? t('common.notSet') : evidence(project.evidenceTarget) }),
          )}
        </Typography>
      </Stack>
      <StageStepper project={project} />
      {project.status === 'shelved' && <Alert severity="info" sx={{ mb: 2 }}>{t('gate.onShelf')}</Alert>}
      {project.status === 'stopped' && <Alert severity="warning" sx={{ mb: 2 }}>{t('gate.stopped')}</Alert>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'flex-start' }, justifyContent: 'space-between' }}>
        <StageTools stage={project.stage} onTemplate={onTemplate} />
        {(project.status === 'active' || project.status === 'scaled') && (
          <Button variant="contained" onClick={() => onGate({ decision: project.stage < 7 ? 'advance' : 'iterate' })} sx={{ flexShrink: 0 }}>
            {t('gate.open')}
          </Button>
        )}
        {project.status === 'shelved' && (
          <Button variant="contained" onClick={() => onGate({ decision: 'revive' })} sx={{ flexShrink: 0 }}>
            {t('gate.revive')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** Where the project came from: the challenge it answers and the ideas promoted into it. */
function ChallengeAndIdeas({ project }: { project: Project }) {
  const { t } = useTranslation();
  const challenge = useApiQuery('challenges.get', { id: project.challengeId ?? '' }, { enabled: project.challengeId !== null });
  const ideas = useApiQuery('ideas.list', { projectId: project.id });
  if (!project.challengeId && ideas.data?.total === 0) return null;
  return (
    <section aria-labelledby="origin-heading">
      <Typography variant="h5" component="h2" id="origin-heading" sx={{ mt: 4, mb: 1 }}>
        {t('project.origin')}
      </Typography>
      {challenge.data && (
        <Typography>
          {t('project.challenge')}{' '}
          <Link href={hrefFor({ name: 'challenge', id: challenge.data.id })} dir="auto">
            {challenge.data.title}
          </Link>
        </Typography>
      )}
      <IdeaList ideas={ideas.data?.items} emptyText="" />
    </section>
  );
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const update = useApiMutation('projects.update');
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [gate, setGate] = useState<GateRequest | null>(null);
  const [gallery, setGallery] = useState<{ template?: string } | null>(null);
  // When the record changes elsewhere (a gate decision, another window), the fields not being edited show what is stored now.
  const form = useProjectForm('edit', formFromProject(project), ({ sendChanges }) => sendChanges(patchInput, (patch) => update.mutateAsync({ id: project.id, patch })));

  return (
    <>
      <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 1 }}>
        {project.title}
      </Typography>
      {project.origin && <Typography color="text.secondary">{t('project.importedCopyNote')}</Typography>}
      <Stack direction="row" spacing={2} sx={{ mb: 3, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography color="text.secondary">{t('project.createdOn', { date: format.dateTime(project.createdAt) })}</Typography>
        <Button variant="outlined" onClick={() => setExporting(true)}>
          {t('bundles.exportProject')}
        </Button>
      </Stack>
      <ProjectStanding project={project} onGate={setGate} onTemplate={(template) => setGallery({ template })} />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <form
          noValidate
          aria-label={t('project.editForm')}
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void form.submit().then(setSaved);
          }}
        >
          {form.error && form.error.error.code !== 'invalid_input' && <ErrorAlert error={form.error} />}
          <ProjectForm mode="edit" values={form.values} errors={form.errors} onChange={form.change} />
          <ChangedElsewhere show={form.changedElsewhere} />
          <FormActions busy={update.isPending} saved={saved} deleteLabel={t('projects.delete.confirm')} onDelete={() => setDeleting(true)} />
        </form>
      </Paper>
      <ChallengeAndIdeas project={project} />
      <ProjectCanvases project={project} gallery={gallery} setGallery={setGallery} />
      <ProjectPilots projectId={project.id} />
      <TeamSection projectId={project.id} />
      <AttachmentsPanel ownerType="project" ownerId={project.id} />
      <GateHistory projectId={project.id} />
      <ActivityList subjectId={project.id} />
      <GateDialog project={project} request={gate} onClose={() => setGate(null)} />
      {exporting && <ExportBundleDialog initial={[project]} onClose={() => setExporting(false)} />}
      <DeleteProjectDialog project={deleting ? project : null} onClose={() => setDeleting(false)} onDeleted={() => navigate({ name: 'projects' })} />
    </>
  );
}
