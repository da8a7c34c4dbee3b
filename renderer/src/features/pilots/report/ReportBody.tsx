import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import type { Assessment, Kpi, PilotDetail } from '../../../../../electron/shared/domain/pilots';
import { PROTOCOL_FIELDS } from '../../../../../electron/shared/domain/pilots';
import type { Person } from '../../../../../electron/shared/domain/people';
import type { Project } from '../../../../../electron/shared/domain/project';
import type { PilotAnalysis } from '../../../../../electron/shared/pilots/analysis';
import type { Formatters } from '../../../i18n/format';
import { evidenceKey, frequencyKey, kpiDirectionKey, kpiKindKey, pilotDecisionKey, protocolFieldKey } from '../../../i18n/labels';
import { Amendments } from '../Amendments';
import { KpiResult } from '../KpiResult';
import { protocolText } from '../protocol-text';
import { RubricTable } from '../RubricSection';

export interface ReportData {
  detail: PilotDetail;
  project: Project;
  kpis: Kpi[];
  analysis: PilotAnalysis;
  assessments: Assessment[];
  people: Person[];
}

const Heading = ({ children }: { children: string }) => (
  <Typography variant="h5" component="h2" sx={{ mt: 3, mb: 1, breakAfter: 'avoid' }}>
    {children}
  </Typography>
);

function Pairs({ rows, label }: { rows: [string, string][]; label: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableBody>
        {rows.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell component="th" scope="row" sx={{ width: '35%', verticalAlign: 'top' }}>
              {k}
            </TableCell>
            <TableCell dir="auto" sx={{ whiteSpace: 'pre-wrap' }}>
              {v || '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One language's whole report. Texts the lab typed are shown as typed (dir="auto"); the rest is translated. */
export function ReportBody({ data, t, format }: { data: ReportData; t: TFunction; format: Formatters }) {
  const { pilot, amendments } = data.detail;
  const person = (id: string | null) => data.people.find((p) => p.id === id)?.name ?? '—';
  const date = (d: string | null) => (d ? format.date(d) : '—');
  const decision = pilot.decision;
  // Two languages side by side are two bodies on one page: their ids must differ.
  const ids = useId();
  return (
    <>
      <Typography variant="overline" component="p">
        {t('pilot.report.title')}
      </Typography>
      <Typography variant="h4" component="h1" dir="auto">
        {pilot.title}
      </Typography>
      <Typography color="text.secondary">
        {t('pilot.report.project')}: <span dir="auto">{data.project.title}</span>
      </Typography>

      <Heading>{t('pilot.charter')}</Heading>
      <Pairs
        label={t('pilot.charter')}
        rows={[
          [t('pilot.field.problem'), pilot.problem],
          [t('pilot.field.intervention'), pilot.intervention],
          [t('pilot.field.population'), pilot.population],
          [t('pilot.field.sites'), pilot.sites],
          [t('pilot.report.dates'), `${date(pilot.startsOn)} – ${date(pilot.endsOn)}`],
          [t('pilot.field.owner'), person(pilot.ownerId)],
          [t('pilot.canvases.heading'), data.detail.canvases.map((c) => c.title).join('\n')],
        ]}
      />

      <Heading>{t('pilot.protocol')}</Heading>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {pilot.lockedAt ? t('pilot.lockedOn', { date: format.dateTime(pilot.lockedAt) }) : t('pilot.report.notLocked')}
      </Typography>
      {pilot.protocolHash && (
        <Typography variant="body2" dir="ltr" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', mb: 1 }}>
          SHA-256 {pilot.protocolHash}
        </Typography>
      )}
      <Pairs label={t('pilot.protocol')} rows={PROTOCOL_FIELDS.map((f) => [t(protocolFieldKey(f)), protocolText(t, format, f, pilot.lockedProtocol?.[f] ?? pilot[f])])} />
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        {t('pilot.amendments')}
      </Typography>
      <Amendments amendments={amendments} t={t} format={format} />

      <Heading>{t('pilot.kpis')}</Heading>
      {/* One block per KPI, not a five-column table: beside a second language on half an A4 page a table would run into it. */}
      {data.kpis.map((k) => (
        <section key={k.id} aria-labelledby={`${ids}-kpi-${k.id}`}>
          <Typography variant="subtitle1" component="h3" id={`${ids}-kpi-${k.id}`} dir="auto" sx={{ mt: 1, fontWeight: 600, breakAfter: 'avoid' }}>
            {k.unit ? `${k.name} (${k.unit})` : k.name}
          </Typography>
          <Pairs
            label={k.name}
            rows={[
              [t('pilot.kpi.kind'), format.parts(t(kpiKindKey(k.kind)), t(kpiDirectionKey(k.direction)), t(frequencyKey(k.frequency)), k.primary && t('pilot.kpi.primaryMark'))],
              [t('pilot.kpi.baseline'), k.baselineValue === null ? '' : `${format.number(k.baselineValue)}${k.baselineDate ? ` (${format.date(k.baselineDate)})` : ''}`],
              [t('pilot.kpi.target'), k.target === null ? '' : format.number(k.target)],
              [t('pilot.kpi.successThreshold'), k.successThreshold === null ? '' : format.number(k.successThreshold)],
            ]}
          />
        </section>
      ))}

      <Heading>{t('pilot.analysis.heading')}</Heading>
      {data.analysis.kpis.map((a) => (
        <KpiResult key={a.kpi.id} analysis={a} t={t} format={format} />
      ))}

      <Heading>{t('pilot.rubric.heading')}</Heading>
      {data.assessments.length === 0 ? <Typography variant="body2">{t('pilot.report.noRubric')}</Typography> : <RubricTable assessments={data.assessments} t={t} />}

      <Heading>{t('pilot.decision.heading')}</Heading>
      {decision ? (
        <Pairs
          label={t('pilot.decision.heading')}
          rows={[
            [t('pilot.decision.field'), t(pilotDecisionKey(decision.decision))],
            [t('pilot.decision.conditions'), decision.conditions],
            [t('pilot.decision.evidence'), decision.evidenceLevel === null ? t('evidence.notAssessed') : format.parts(format.number(decision.evidenceLevel), t(evidenceKey(decision.evidenceLevel)))],
            [t('pilot.decision.by'), person(decision.decidedById)],
            [t('pilot.decision.on'), format.date(decision.decidedOn)],
          ]}
        />
      ) : (
        <Typography variant="body2">{t('pilot.report.noDecision')}</Typography>
      )}
    </>
  );
}
