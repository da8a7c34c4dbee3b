/**
 * `index.html` inside a bundle: a read-only page for a recipient without the app. Self-contained (no
 * scripts, no outside resources, a CSP that allows neither), written in the exporter's language, right
 * to left for Arabic, every user text escaped and marked `dir="auto"`. It is built from the rows as the
 * export streams them, so it shows exactly what the bundle carries.
 */
import { directionOf, type Language } from '../../shared/domain/settings';
import type { Classification } from '../../shared/domain/bundles';
import { translator } from '../i18n/catalogue';
import type { Row } from './rows-repo';

const LOCALES: Record<Language, string> = { en: 'en-AE', ar: 'ar-AE', uz: 'uz-Latn-UZ', ru: 'ru-RU' };
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

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
`;

export function createViewer() {
  const projects: Row[] = [];
  let projectCount = 0;
  const entities = new Map<string, string>();
  const pillars = new Map<string, Row>();
  const projectPillars = new Map<string, string[]>();
  const decisions = new Map<string, number>();

  const order = (a: Row, b: Row) => Number(a.stage) - Number(b.stage) || String(a.title).localeCompare(String(b.title));
  const trim = () => projects.sort(order).splice(MAX_PROJECTS);

  return {
    /** The tables whose rows the page needs (the export parses only those). */
    wants: (table: string) => ['projects', 'entities', 'strategy_pillars', 'project_pillars', 'gate_decisions'].includes(table),
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
    },

    render(meta: { language: Language; labName: string; createdAt: Date; classification: Classification }): string {
      const t = translator(meta.language);
      const lang = meta.language;
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
          field(t('viewer.stage'), `${String(p.stage)} · ${t(`stage.${String(p.stage)}.name`)}`, false),
          field(t('viewer.status'), t(`status.${String(p.status)}`), false),
          field(t('viewer.owner'), owner),
          field(t('viewer.pillars'), pillarList),
          field(t('viewer.decisions'), decisions.has(String(p.id)) ? new Intl.NumberFormat(LOCALES[lang]).format(decisions.get(String(p.id))!) : '', false),
        ].join('')}</dl>${p.summary ? `<p dir="auto">${escape(p.summary)}</p>` : ''}</article>`;
      });
      const lab = meta.labName || t('bundles.unnamedLab');
      return `<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('viewer.title', { lab }))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(t('viewer.title', { lab }))}</h1><p>${escape(t('viewer.exported', { date }))} · ${escape(t('bundles.classificationShown', { level: t(`bundles.classificationLevel.${meta.classification}`) }))}</p></header>
<main>
<p class="note">${escape(t('viewer.readOnly'))}</p>
<h2>${escape(t('viewer.projects', { count: projectCount }))}</h2>
${projectCount > sorted.length ? `<p>${escape(t('viewer.firstOnly', { shown: sorted.length, count: projectCount }))}</p>` : ''}
${articles.length ? articles.join('\n') : `<p>${escape(t('viewer.noProjects'))}</p>`}
</main>
</body>
</html>
`;
    },
  };
}
