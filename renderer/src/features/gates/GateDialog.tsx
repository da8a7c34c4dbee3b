import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceShortfall, GATE_DECISIONS, RATIONALE_MAX, type DecisionKind } from '../../../../electron/shared/domain/gates';
import type { Project } from '../../../../electron/shared/domain/project';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/use-submit';
import { criterionKey, decisionKey, stageKey } from '../../i18n/labels';
import { useEvidenceChoices, useStageChoices } from '../projects/choices';
import { keyedLabel } from '../../i18n/keyed-label';
import { PilotDecisionsNote } from '../pilots/PilotDecisionsNote';

export interface GateRequest {
  decision: DecisionKind;
  toStage?: number;
}

const today = () => new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD in local time

/** Where a decision may take a project from its stage. */
export function reachableStages(decision: DecisionKind, stage: number): number[] {
  if (decision === 'advance') return [1, 2, 3, 4, 5, 6, 7].filter((s) => s > stage);
  if (decision === 'iterate') return [1, 2, 3, 4, 5, 6, 7].filter((s) => s <= stage);
  return [stage];
}

/**
 * The gate: every stage move, shelving, stopping or revival is decided here, with the stage's
 * checklist, the evidence reached, a rationale and who decided. The decision is final once saved.
 */
export function GateDialog({ project, request, onClose }: { project: Project; request: GateRequest | null; onClose(): void }) {
  return request ? <GateForm project={project} request={request} onClose={onClose} /> : null;
}

function GateForm({ project, request, onClose }: { project: Project; request: GateRequest; onClose(): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const decisionLabelId = useId();
  const criteria = useApiQuery('gates.criteria', {});
  const people = useApiQuery('people.list', {});
  const decide = useApiMutation('gates.decide');
  const stageChoices = useStageChoices();
  const evidenceChoices = useEvidenceChoices();
  const [decision, setDecision] = useState<DecisionKind>(request.decision);
  const [toStage, setToStage] = useState<number | ''>(request.toStage ?? reachableStages(request.decision, project.stage)[0] ?? '');
  const [met, setMet] = useState<Record<string, boolean>>({});
  const [evidence, setEvidence] = useState<number | ''>(project.evidenceLevel ?? '');
  const [rationale, setRationale] = useState('');
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const { run, failure, issueFor, fieldProps } = useSubmit();
  // The stage the user decides about; if the project moves meanwhile (another window, a colleague), core refuses.
  const [fromStage] = useState(project.stage);

  const stageCriteria = (criteria.data ?? []).filter((c) => c.stage === project.stage && !c.archived);
  const reachable = reachableStages(decision, project.stage);
  const shortfall = decision === 'advance' && toStage !== '' ? evidenceShortfall(project.stage, toStage, evidence === '' ? null : evidence) : undefined;

  const chooseDecision = (next: DecisionKind) => {
    setDecision(next);
    setToStage(reachableStages(next, project.stage).includes(toStage as number) ? toStage : (reachableStages(next, project.stage)[0] ?? ''));
  };

  async function submit() {
    const saved = await run(() =>
      decide.mutateAsync({
        projectId: project.id,
        fromStage,
        decision,
        toStage: toStage === '' ? undefined : toStage,
        evidenceLevel: evidence === '' ? null : evidence,
        checklist: stageCriteria.map((c) => ({ criterionId: c.id, met: met[c.id] === true })),
        rationale,
        decidedById: personId || null,
        decidedByName: name,
        decidedOn,
      }),
    );
    if (saved) onClose();
  }

  return (
    <FormDialog title={t(request.decision === 'revive' ? 'gate.dialog.reviveTitle' : 'gate.dialog.title', { stage: format.parts(format.number(project.stage), t(stageKey(project.stage))) })} submitLabel={t('gate.submit')} busy={decide.isPending} onClose={onClose} onSubmit={() => void submit()}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        <ErrorAlert error={failure} withReason />
        <PilotDecisionsNote projectId={project.id} />
        {request.decision !== 'revive' && (
          <FormControl error={!!issueFor('decision')}>
            <FormLabel id={decisionLabelId}>{t('gate.field.decision')}</FormLabel>
            <RadioGroup row aria-labelledby={decisionLabelId} value={decision} onChange={(e) => chooseDecision(e.target.value as DecisionKind)}>
              {GATE_DECISIONS.map((d) => (
                <FormControlLabel key={d} value={d} control={<Radio />} label={t(decisionKey(d))} disabled={reachableStages(d, project.stage).length === 0} />
              ))}
            </RadioGroup>
          </FormControl>
        )}
        {(decision === 'advance' || decision === 'iterate') && (
          <ChoiceField
            label={t('gate.field.toStage')}
            value={toStage}
            choices={stageChoices.filter((c) => reachable.includes(c.value))}
            onChange={(v) => setToStage(v === '' ? '' : Number(v))}
          />
        )}
        {stageCriteria.length > 0 && (
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('gate.field.checklist')}</FormLabel>
            <FormGroup>
              {stageCriteria.map((c) => (
                <FormControlLabel
                  key={c.id}
                  control={<Checkbox checked={met[c.id] === true} onChange={(e) => setMet({ ...met, [c.id]: e.target.checked })} />}
                  label={keyedLabel(t, criterionKey, c)}
                />
              ))}
            </FormGroup>
          </FormControl>
        )}
        <ChoiceField
          label={t('gate.field.evidenceLevel')}
          value={evidence}
          choices={evidenceChoices}
          onChange={(v) => setEvidence(v === '' ? '' : Number(v))}
          emptyLabel={t('evidence.notAssessed')}
        />
        {shortfall !== undefined && (
          <Alert severity="warning">{t('gate.evidenceWarning', { needed: format.number(shortfall) })}</Alert>
        )}
        <TextField
          label={t('gate.field.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          required
          multiline
          minRows={3}
          {...fieldProps('rationale')}
          slotProps={{ htmlInput: { dir: 'auto', maxLength: RATIONALE_MAX + 50 } }}
        />
        {/* Side by side while each keeps room for its label, else on the next line. */}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <ChoiceField
            label={t('gate.field.decidedBy')}
            value={personId}
            choices={(people.data ?? []).map((p) => ({ value: p.id, label: p.name, userText: true }))}
            onChange={(id) => {
              setPersonId(id);
              const person = people.data?.find((p) => p.id === id);
              if (person) setName(person.name);
            }}
            emptyLabel={t('gate.field.notListed')}
            sx={{ flex: '1 1 220px' }}
          />
          <TextField
            label={t('gate.field.decidedByName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            {...fieldProps('decidedByName')}
            sx={{ flex: '1 1 220px' }}
            slotProps={{ htmlInput: { dir: 'auto' } }}
          />
          <DateField label={t('gate.field.decidedOn')} value={decidedOn} onChange={setDecidedOn} {...fieldProps('decidedOn')} sx={{ flex: '1 1 180px' }} />
        </Stack>
        <Alert severity="info">{t('gate.final')}</Alert>
      </Stack>
    </FormDialog>
  );
}
