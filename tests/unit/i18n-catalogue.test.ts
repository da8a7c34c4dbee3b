/**
 * House rule 10: every user-visible string is in the catalogue, in all four languages. This fails on
 * a key missing in any language, a key no code uses, a key code asks for that does not exist, a
 * plural without the forms its language needs, or a translation that drops a {{value}}.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { ERROR_CODES } from '../../electron/shared/api/envelope';
import { EVIDENCE_LEVELS, INNOVATION_TYPES, OECD_FACETS, PROJECT_STATUSES, ProjectPatchSchema, STAGES } from '../../electron/shared/domain/project';
import { CALENDARS, LANGUAGES, NUMERALS, THEMES } from '../../electron/shared/domain/settings';
import { BACKUP_REASONS } from '../../electron/shared/domain/backups';
import { DecisionKindSchema } from '../../electron/shared/domain/gates';
import { CAMPAIGN_PHASES, IDEA_STATUSES } from '../../electron/shared/domain/ideas';
import { MEMBER_ROLES, PERSON_ROLES } from '../../electron/shared/domain/people';
import { SEARCH_KINDS } from '../../electron/shared/domain/search';
import { STAGE_TOOLS } from '../../electron/shared/domain/stage-tools';
import { NOTE_COLOR_KEYS, NOTE_STATUSES } from '../../electron/shared/canvas/model';
import { DAC_CRITERIA, DAC_RATINGS, GROUPS, IMPORT_ERRORS, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_KINDS, PILOT_DECISIONS, PILOT_DESIGNS, PROTOCOL_FIELDS } from '../../electron/shared/domain/pilots';

const DECISIONS = DecisionKindSchema.options;
import * as labels from '../../renderer/src/i18n/labels';

const ROOT = join(import.meta.dirname, '..', '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const TAGS = { en: 'en-AE', ar: 'ar-AE', uz: 'uz-Latn-UZ', ru: 'ru-RU' } as const;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const catalogues = Object.fromEntries(
  LANGUAGES.map((l) => [l, flatten(JSON.parse(readFileSync(join(ROOT, 'resources', 'locales', `${l}.json`), 'utf8')))]),
) as Record<(typeof LANGUAGES)[number], Record<string, string>>;
const baseKeys = (cat: Record<string, string>) => new Set(Object.keys(cat).map((k) => k.replace(PLURAL, '')));
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
// The desktop shell shows a few strings of its own (native dialogs) from the same catalogues, and
// shared code hands keys to the UI (the statistics' reasons, caveats and verdicts).
const source = [
  ...sourceFiles(join(ROOT, 'renderer', 'src')),
  ...sourceFiles(join(ROOT, 'electron', 'main')),
  ...sourceFiles(join(ROOT, 'electron', 'core')),
  ...sourceFiles(join(ROOT, 'electron', 'shared')),
].map((f) => readFileSync(f, 'utf8')).join('\n');
const literals = new Set([...source.matchAll(/['"`]([a-zA-Z]\w*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]));
const templatePrefixes = [...source.matchAll(/`([a-zA-Z]\w*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]);
const requested = [...source.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('the translation catalogues', () => {
  const english = baseKeys(catalogues.en);

  it.each(LANGUAGES)('%s has exactly the keys English has, none of them empty', (language) => {
    expect([...baseKeys(catalogues[language])].sort()).toEqual([...english].sort());
    for (const [key, text] of Object.entries(catalogues[language])) expect(text.trim(), key).not.toBe('');
  });

  it.each(LANGUAGES)('%s has the plural forms its language needs, and no others', (language) => {
    const categories = new Intl.PluralRules(TAGS[language]).resolvedOptions().pluralCategories;
    const plurals = new Set(Object.keys(catalogues.en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of plurals) {
      const forms = Object.keys(catalogues[language]).filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k));
      expect(forms.map((k) => PLURAL.exec(k)![1]).sort(), `${language} ${base}`).toEqual([...categories].sort());
    }
  });

  it.each(LANGUAGES)('%s keeps every {{value}} of the English text', (language) => {
    for (const [key, text] of Object.entries(catalogues[language])) {
      if (PLURAL.test(key)) continue; // a plural form may spell out its number ("مشروعان")
      expect(variables(text), `${language} ${key}`).toEqual(variables(catalogues.en[key]));
    }
  });

  it('has no key that the code never uses', () => {
    const unused = [...english].filter((key) => !literals.has(key) && !templatePrefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('has every key the code asks for by name', () => {
    expect(requested.filter((key) => !english.has(key))).toEqual([]);
  });

  it('labels every value the domain can produce', () => {
    const db = new Database(':memory:');
    migrate(db);
    const pillarKeys = db.prepare('SELECT key FROM strategy_pillars WHERE key IS NOT NULL').pluck().all() as string[];
    const needed = [
      ...STAGES.map(labels.stageKey),
      ...PROJECT_STATUSES.map(labels.statusKey),
      ...INNOVATION_TYPES.map(labels.innovationTypeKey),
      ...OECD_FACETS.map(labels.facetKey),
      ...pillarKeys.map(labels.pillarKey),
      ...LANGUAGES.map(labels.languageKey),
      ...THEMES.map(labels.themeKey),
      ...CALENDARS.map(labels.calendarKey),
      ...NUMERALS.map(labels.numeralsKey),
      ...[...ERROR_CODES, 'network' as const].map(labels.errorKey),
      ...['created', 'updated', 'deleted'].map(labels.activityKey),
      ...Object.keys(ProjectPatchSchema.shape).map(labels.fieldKey),
      ...IDEA_STATUSES.map(labels.ideaStatusKey),
      ...CAMPAIGN_PHASES.map((p) => `campaigns.phase.${p}`),
      ...SEARCH_KINDS.map(labels.searchKindKey),
      ...DECISIONS.map(labels.decisionKey),
      ...EVIDENCE_LEVELS.map(labels.evidenceKey),
      ...PERSON_ROLES.map(labels.personRoleKey),
      ...MEMBER_ROLES.map(labels.memberRoleKey),
      ...Object.values(STAGE_TOOLS).flat().map(labels.toolKey),
      ...(db.prepare('SELECT key FROM gate_criteria WHERE key IS NOT NULL').pluck().all() as string[]).map(labels.criterionKey),
      ...(db.prepare('SELECT key FROM score_criteria WHERE key IS NOT NULL').pluck().all() as string[]).map(labels.scoreCriterionKey),
      ...BACKUP_REASONS.map(labels.backupReasonKey),
      ...NOTE_COLOR_KEYS.map(labels.noteColorKey),
      ...NOTE_STATUSES.map(labels.noteStatusKey),
      ...['stale', 'already_exists', 'duplicate', 'no_layout', 'not_json', 'duplicate_id', 'not_integer', 'unknown_node_type', 'missing_field', 'unknown_node'].map(labels.validationKey),
      ...PILOT_DESIGNS.map(labels.pilotDesignKey),
      ...KPI_KINDS.map(labels.kpiKindKey),
      ...KPI_DIRECTIONS.map(labels.kpiDirectionKey),
      ...KPI_FREQUENCIES.map(labels.frequencyKey),
      ...GROUPS.map(labels.groupKey),
      ...DAC_CRITERIA.map(labels.dacCriterionKey),
      ...DAC_RATINGS.map(labels.dacRatingKey),
      ...PILOT_DECISIONS.map(labels.pilotDecisionKey),
      ...PROTOCOL_FIELDS.map(labels.protocolFieldKey),
      ...[...IMPORT_ERRORS, 'protocol_locked', 'nothing_changed', 'stage_changed', 'unknown_column', 'empty_file', 'duplicate', 'not_a_number'].map(labels.validationKey),
      ...['unreadable_file', 'not_utf8', 'csv_unclosed_quote', 'xlsx_too_large'].map(labels.validationKey),
      ...['backup_damaged', 'backup_newer'].map(labels.validationKey),
      ...['decision_not_allowed', 'stage_not_allowed', 'status_through_gate', 'campaign_closed', 'idea_promoted'].map(labels.validationKey),
      ...['required', 'too_short', 'too_small', 'array_too_short', 'too_long', 'too_big', 'array_too_long', 'invalid_type', 'invalid_value',
        'invalid_format', 'unrecognized_keys', 'invalid', 'control_characters', 'broken_characters', 'chunk_out_of_order', 'end_before_start', 'unknown_reference', 'not_above', 'not_below', 'rate_share', 'protocol_without_outcome', 'date_in_future', 'before_previous_decision', 'demo_day_outside'].map(labels.validationKey),
    ];
    expect(needed.filter((key) => !english.has(key))).toEqual([]);
  });
});
