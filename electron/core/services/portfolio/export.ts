/**
 * The portfolio as a spreadsheet (one sheet per record type) or as CSV (the projects), with
 * headers and values in the user's language. CSV is UTF-8 with a byte-order mark so Excel opens
 * Arabic and Cyrillic correctly, and cells that a spreadsheet would run as formulas are defused.
 */
import { csvText } from '../../../shared/text/csv';
import type { Language } from '../../../shared/domain/settings';
import type { Db } from '../../db/open';
import { translator, type Translate } from '../../i18n/catalogue';

/**
 * A calendar day (YYYY-MM-DD) or a moment (an ISO timestamp): ISO text in CSV, which other tools
 * read back; a date cell in the spreadsheet, which Excel sorts and filters as one.
 */
interface When {
  iso: string;
  withTime: boolean;
}
type Cell = string | number | null | When;

const day = (value: string | number | null): Cell => (typeof value === 'string' && value ? { iso: value, withTime: false } : null);
const moment = (value: string | number | null): Cell => (typeof value === 'string' && value ? { iso: value, withTime: true } : null);
const isWhen = (cell: Cell): cell is When => typeof cell === 'object' && cell !== null;

/**
 * The date cell's value. A spreadsheet's dates have no time zone: a day is that day, and a moment
 * is shown as this computer's clock showed it.
 */
function spreadsheetDate({ iso, withTime }: When): Date {
  if (!withTime) return new Date(`${iso}T00:00:00Z`);
  const local = new Date(iso);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}
interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const enumLabel = (t: Translate, prefix: string) => (value: string | null) => (value === null ? '' : t(`${prefix}.${value}`));

function sheets(db: Db, t: Translate): Sheet[] {
  const stage = (n: number) => `${n}${t('common.separator')}${t(`stage.${n}.name`)}`;
  const status = enumLabel(t, 'status');
  const type = enumLabel(t, 'innovationType');
  const facet = enumLabel(t, 'facet');
  const field = (name: string) => t(`project.field.${name}`);

  const projects = db
    .prepare(
      `SELECT p.title, p.summary, p.stage, p.status, p.innovation_type, p.oecd_facet, e.name AS entity,
         (SELECT group_concat(pp.pillar_id) FROM project_pillars pp WHERE pp.project_id = p.id) AS pillar_ids,
         p.evidence_level, p.evidence_target, p.start_date, p.end_date, p.created_at, p.updated_at
       FROM projects p LEFT JOIN entities e ON e.id = p.owner_entity_id ORDER BY p.stage, p.title_folded`,
    )
    .all() as Record<string, string | number | null>[];
  const pillarNames = new Map(
    (db.prepare('SELECT id, key, label FROM strategy_pillars').all() as { id: string; key: string | null; label: string | null }[]).map((p) => [
      p.id,
      p.label ?? t(`pillar.${p.key}`),
    ]),
  );
  const pillarLabel = (ids: string | null) => (ids ?? '').split(',').filter(Boolean).map((id) => pillarNames.get(id) ?? id).join('; ');

  const decisions = db
    .prepare(
      `SELECT p.title, d.decision, d.from_stage, d.to_stage, d.evidence_level, d.rationale, d.decided_by_name, d.decided_on
       FROM gate_decisions d JOIN projects p ON p.id = d.project_id ORDER BY p.title_folded, d.created_at`,
    )
    .all() as Record<string, string | number | null>[];
  const challenges = db.prepare('SELECT title, hmw, context, affected, evidence, oecd_facet FROM challenges ORDER BY title').all() as Record<string, string | null>[];
  const ideas = db
    .prepare(
      `SELECT i.title, i.description, i.author_name, i.status, c.title AS challenge, t.score, t.reviewer_count
       FROM ideas i LEFT JOIN challenges c ON c.id = i.challenge_id LEFT JOIN idea_totals t ON t.idea_id = i.id
       ORDER BY t.score DESC NULLS LAST, i.title`,
    )
    .all() as Record<string, string | number | null>[];
  const people = db
    .prepare('SELECT p.name, p.role, e.name AS entity, p.email FROM people p LEFT JOIN entities e ON e.id = p.entity_id ORDER BY p.name')
    .all() as Record<string, string | null>[];

  return [
    {
      name: t('projects.heading'),
      headers: ['title', 'summary', 'stage', 'status', 'innovationType', 'oecdFacet', 'ownerEntityId', 'pillarIds', 'evidenceLevel', 'evidenceTarget', 'startDate', 'endDate', 'updatedAt'].map(field),
      rows: projects.map((p) => [
        p.title,
        p.summary,
        stage(Number(p.stage)),
        status(p.status as string),
        type(p.innovation_type as string | null),
        facet(p.oecd_facet as string | null),
        p.entity,
        pillarLabel(p.pillar_ids as string | null),
        p.evidence_level,
        p.evidence_target,
        day(p.start_date),
        day(p.end_date),
        moment(p.updated_at),
      ]),
    },
    {
      name: t('gate.history.heading'),
      headers: [field('title'), t('gate.field.decision'), t('export.fromStage'), t('gate.field.toStage'), t('gate.field.evidenceLevel'), t('gate.field.rationale'), t('gate.field.decidedBy'), t('gate.field.decidedOn')],
      rows: decisions.map((d) => [d.title, t(`gate.decision.${d.decision}`), stage(Number(d.from_stage)), stage(Number(d.to_stage)), d.evidence_level, d.rationale, d.decided_by_name, day(d.decided_on)]),
    },
    {
      name: t('challenges.heading'),
      headers: ['title', 'hmw', 'context', 'affected', 'evidence'].map((f) => t(`challenge.field.${f}`)).concat(t('project.field.oecdFacet')),
      rows: challenges.map((c) => [c.title, c.hmw, c.context, c.affected, c.evidence, facet(c.oecd_facet)]),
    },
    {
      name: t('ideas.heading'),
      headers: [t('ideas.field.title'), t('ideas.field.description'), t('ideas.field.authorName'), t('ideas.field.status'), t('ideas.field.challenge'), t('export.score'), t('export.reviewers')],
      rows: ideas.map((i) => [i.title, i.description, i.author_name, t(`ideas.status.${i.status}`), i.challenge, i.score === null ? null : Math.round(Number(i.score) * 100) / 100, i.reviewer_count ?? 0]),
    },
    {
      name: t('people.heading'),
      headers: [t('people.name'), t('people.role'), t('people.entity'), t('people.email')],
      rows: people.map((p) => [p.name, t(`person.role.${p.role}`), p.entity, p.email]),
    },
  ];
}

export function portfolioCsv(db: Db, language: Language): Buffer {
  const [projects] = sheets(db, translator(language));
  const rows = projects.rows.map((row) => row.map((cell) => (isWhen(cell) ? cell.iso : cell)));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText([projects.headers, ...rows]), 'utf8')]);
}

export async function portfolioXlsx(db: Db, language: Language, createdAt: Date): Promise<Buffer> {
  // Loaded on first export, not at start: exceljs is large and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ibtikar Lab';
  workbook.created = createdAt;
  for (const sheet of sheets(db, translator(language))) {
    // Sheet names may not hold []:*?/\ and are at most 31 characters.
    const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ rightToLeft: language === 'ar', state: 'frozen', ySplit: 1 }],
    });
    worksheet.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row.map((cell) => (isWhen(cell) ? spreadsheetDate(cell) : cell)));
      row.forEach((cell, i) => {
        if (isWhen(cell)) added.getCell(i + 1).numFmt = cell.withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
      });
    }
    worksheet.columns.forEach((column) => (column.width = 24));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
