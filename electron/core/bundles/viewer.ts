/**
 * `index.html` inside a bundle: a read-only page for a recipient without the app. Self-contained (no
 * scripts, no outside resources, a CSP that allows neither), written in the exporter's language, right
 * to left for Arabic, every user text escaped and marked `dir="auto"`. It is built from the rows as the
 * export streams them, so it shows exactly what the bundle carries: projects, canvases (template,
 * note count) and pilots (decision).
 */
import { directionOf, type Language } from '../../shared/domain/settings';
import type { Classification } from '../../shared/domain/bundles';
import { findTemplate } from '../../shared/canvas/catalogue';
import { translator } from '../i18n/catalogue';
import { labTemplate } from '../services/canvases/template-source';
import type { Row } from './rows-repo';

const LOCALES: Record<Language, string> = { en: 'en-AE', ar: 'ar-AE', uz: 'uz-Latn-UZ', ru: 'ru-RU' };
/** The page's own policy: its inline styles and nothing else (also the print window's, electron/main/bundle-pdf.ts). */
export const VIEWER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The page stays small and the export's memory bounded: at most this many projects, summaries cut to this length. */
const MAX_PROJECTS = 1000;
const MAX_SUMMARY = 600;

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:"Noto Sans","Noto Sans Arabic",system-ui,sans-serif;margin:0;color:#1b1f23;background:#f6f7f8;line-height:1.5}
header{background:#0b5c4f;color:#fff;padding:1.5rem 2rem}
header h1{margin:0 0 .25rem;font-size:1.6rem}
main{padding:1.5rem 2rem;max-width:60rem}
.note{background:#fff8e1;border:1px solid #e0c56e;padding:.75rem 1rem;border-radius:4px}
article{background:#fff;border:1px solid #d5d9dd;border-radius:6px;padding:1rem 1.25rem;margin:1rem 0}
article h3{margin:0 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0}
@media print{body{background:#fff}article{break-inside:avoid}}
`;

/** What the page reads from each table it shows; the export reads these beside each row's JSON. */
const COLUMNS: Record<string, readonly string[]> = {
  projects: ['id', 'title', 'stage', 'status', 'owner_entity_id', 'summary'],
  entities: ['id', 'name'],
  strategy_pillars: ['id', 'key', 'label'],
  project_pillars: ['project_id', 'pillar_id'],
  gate_decisions: ['project_id'],
  canvas_templates: ['id', 'body'],
  canvases: ['id', 'title', 'template_id'],
  canvas_notes: ['canvas_id'],
  pilots: ['id', 'title'],
  pilot_decisions: ['pilot_id', 'decision'],
};

export function createViewer(language: Language) {
  // One collator in the page's language, so titles sort as its reader expects (and sorting thousands
  // of them costs less than a localeCompare per pair).
  const collator = new Intl.Collator(LOCALES[language]);
  const projects: Row[] = [];
  let projectCount = 0;
  const entities = new Map<string, string>();
  const pillars = new Map<string, Row>();
  const projectPillars = new Map<string, string[]>();
  const decisions = new Map<string, number>();

  // Canvases (with their template's name and note count) and pilots (with their decision), kept
  // within the same bound as projects; counts per canvas and decisions per pilot are one number each.
  const canvases: Row[] = [];
  let canvasCount = 0;
  const labTemplateTitles = new Map<string, Record<string, string>>();
  const noteCounts = new Map<string, number>();
  const pilots: Row[] = [];
  let pilotCount = 0;
  const pilotDecisions = new Map<string, string>();
  const keepFirst = (rows: Row[], row: Row) => {
    rows.push(row);
    if (rows.length > MAX_PROJECTS * 2) rows.sort(byTitle).splice(MAX_PROJECTS);
  };

  const order = (a: Row, b: Row) => Number(a.stage) - Number(b.stage) || collator.compare(String(a.title), String(b.title));
  const trim = () => projects.sort(order).splice(MAX_PROJECTS);
  /** Canvases and pilots show in title order. */
  function byTitle(a: Row, b: Row) {
    return collator.compare(String(a.title), String(b.title));
  }

  return {
    /** The columns the page needs from a table, or undefined for a table it does not show. */
    columns: (table: string): readonly string[] | undefined => COLUMNS[table],
    /** Sees every row the export writes and keeps what the page shows. */
    take(table: string, row: Row) {
      if (table === 'projects') {
        // Keeps the first projects in stage order (the order the page shows), each summary cut short.
        projectCount++;
        const summary = String(row.summary ?? '');
        projects.push({ ...row, summary: summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY)}…` : summary });
        if (projects.length > MAX_PROJECTS * 2) trim();
      }
      else if (table === 'entities') entities.set(String(row.id), String(row.name));
      else if (table === 'strategy_pillars') pillars.set(String(row.id), row);
      else if (table === 'project_pillars') projectPillars.set(String(row.project_id), [...(projectPillars.get(String(row.project_id)) ?? []), String(row.pillar_id)]);
      else if (table === 'gate_decisions') decisions.set(String(row.project_id), (decisions.get(String(row.project_id)) ?? 0) + 1);
      else if (table === 'canvas_templates') {
        const template = labTemplate({ body: String(row.body) });
        if (template) labTemplateTitles.set(String(row.id), template.title);
      } else if (table === 'canvases') {
        canvasCount++;
        keepFirst(canvases, { id: row.id, title: row.title, template_id: row.template_id });
      } else if (table === 'canvas_notes') noteCounts.set(String(row.canvas_id), (noteCounts.get(String(row.canvas_id)) ?? 0) + 1);
      else if (table === 'pilots') {
        pilotCount++;
        keepFirst(pilots, { id: row.id, title: row.title });
      } else if (table === 'pilot_decisions') pilotDecisions.set(String(row.pilot_id), String(row.decision));
    },

    render(meta: { labName: string; createdAt: Date; classification: Classification }): string {
      const t = translator(language);
      const lang = language;
      const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(meta.createdAt);
      const pillarName = (id: string) => {
        const p = pillars.get(id);
        return p ? String(p.label ?? t(`pillar.${String(p.key)}`)) : id;
      };
      trim();
      const sorted = projects;
      const field = (label: string, value: string, userText = true) =>
        value ? `<dt>${escape(label)}</dt><dd${userText ? ' dir="auto"' : ''}>${escape(value)}</dd>` : '';
      const articles = sorted.map((p) => {
        const owner = p.owner_entity_id ? (entities.get(String(p.owner_entity_id)) ?? '') : '';
        const pillarList = (projectPillars.get(String(p.id)) ?? []).map(pillarName).join(lang === 'ar' ? '، ' : ', ');
        return `<article><h3 dir="auto">${escape(p.title)}</h3><dl>${[
          field(t('viewer.stage'), `${String(p.stage)}${t('common.separator')}${t(`stage.${String(p.stage)}.name`)}`, false),
          field(t('viewer.status'), t(`status.${String(p.status)}`), false),
          field(t('viewer.owner'), owner),
          field(t('viewer.pillars'), pillarList),
          field(t('viewer.decisions'), decisions.has(String(p.id)) ? new Intl.NumberFormat(LOCALES[lang]).format(decisions.get(String(p.id))!) : '', false),
        ].join('')}</dl>${p.summary ? `<p dir="auto">${escape(p.summary)}</p>` : ''}</article>`;
      });
      const number = (n: number) => new Intl.NumberFormat(LOCALES[lang]).format(n);
      const templateName = (id: Row[string]) => {
        if (!id) return t('viewer.freeForm');
        const titles = findTemplate(String(id))?.title ?? labTemplateTitles.get(String(id));
        return titles?.[lang] ?? titles?.en ?? String(id);
      };
      const section = (heading: string, count: number, rows: Row[], article: (row: Row) => string) =>
        count === 0
          ? ''
          : `<h2>${escape(heading)}</h2>\n${count > rows.length ? `<p>${escape(t('viewer.firstShown', { shown: rows.length, count }))}</p>\n` : ''}${rows.map(article).join('\n')}`;
      canvases.sort(byTitle).splice(MAX_PROJECTS);
      pilots.sort(byTitle).splice(MAX_PROJECTS);
      const canvasSection = section(t('viewer.canvases', { count: canvasCount }), canvasCount, canvases, (c) =>
        `<article><h3 dir="auto">${escape(c.title)}</h3><dl>${[
          field(t('viewer.template'), templateName(c.template_id)),
          field(t('viewer.notes'), number(noteCounts.get(String(c.id)) ?? 0), false),
        ].join('')}</dl></article>`,
      );
      const pilotSection = section(t('viewer.pilots', { count: pilotCount }), pilotCount, pilots, (p) => {
        const decision = pilotDecisions.get(String(p.id));
        return `<article><h3 dir="auto">${escape(p.title)}</h3><dl>${field(t('viewer.decision'), decision ? t(`pilot.decision.${decision}`) : t('viewer.undecided'), false)}</dl></article>`;
      });
      const lab = meta.labName || t('bundles.unnamedLab');
      return `<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('viewer.title', { lab }))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(t('viewer.title', { lab }))}</h1><p>${escape(t('viewer.exported', { date }))}${escape(t('common.separator'))}${escape(t('bundles.classificationShown', { level: t(`bundles.classificationLevel.${meta.classification}`) }))}</p></header>
<main>
<p class="note">${escape(t('viewer.readOnly'))}</p>
<h2>${escape(t('viewer.projects', { count: projectCount }))}</h2>
${projectCount > sorted.length ? `<p>${escape(t('viewer.firstOnly', { shown: sorted.length, count: projectCount }))}</p>` : ''}
${articles.length ? articles.join('\n') : `<p>${escape(t('viewer.noProjects'))}</p>`}
${canvasSection}
${pilotSection}
</main>
</body>
</html>
`;
    },
  };
}
