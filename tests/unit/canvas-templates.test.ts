/**
 * The canvas template catalogue (issue #4): every built-in template is valid data, speaks all four
 * languages for real, and the schema refuses the layouts a canvas could not draw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, findTemplate, loadTemplate, templateForStageTool, templatesForStage } from '../../electron/shared/canvas/catalogue';
import { CanvasTemplateSchema, templateZoneRect, type CanvasTemplate, type LocalText } from '../../electron/shared/canvas/template';
import { STAGES } from '../../electron/shared/domain/project';
import { STAGE_TOOLS } from '../../electron/shared/domain/stage-tools';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'templates', 'canvas');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const raw = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

/** The catalogue DOMAIN.md ("Design-thinking canvases") asks for. */
const EXPECTED_IDS = [
  'assumptions-map', 'brainstorm-board', 'business-model-canvas', 'citizen-journey-map', 'empathy-map', 'experiment-card',
  'impact-effort-matrix', 'lean-canvas', 'learning-log', 'logic-model', 'persona', 'pestle', 'problem-tree', 'retrospective',
  'risk-matrix', 'scaling-plan', 'service-blueprint', 'stakeholder-map', 'swot', 'systems-map', 'theory-of-change', 'value-fit',
];

function localTexts(template: CanvasTemplate): [string, LocalText][] {
  return [
    ['title', template.title],
    ['description', template.description],
    ...(template.attribution ? [['attribution', template.attribution] as [string, LocalText]] : []),
    ...template.zones.flatMap((z): [string, LocalText][] => [[`${z.key}.title`, z.title], [`${z.key}.hint`, z.hint]]),
    ...(template.starterNotes ?? []).map((n, i): [string, LocalText] => [`starterNotes.${i}`, n.text]),
  ];
}

/** A small valid template to break one rule at a time. */
const text = (en: string): LocalText => ({ en, ar: `ع ${en}`, uz: `oʻ ${en}`, ru: `р ${en}` });
const base = () => ({
  schemaVersion: 1,
  id: 'test-grid',
  stages: [1],
  title: text('Test'),
  description: text('A test template.'),
  grid: { columns: 4, rows: 2 },
  zones: [
    { key: 'left', start: 0, top: 0, width: 1, height: 2, title: text('Left'), hint: text('Left hint.') },
    { key: 'right', start: 1, top: 0, width: 3, height: 1, title: text('Right'), hint: text('Right hint.') },
  ],
  starterNotes: [{ zone: 'right', text: text('Start here') }],
});
const messages = (data: unknown) => {
  const result = CanvasTemplateSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the built-in canvas templates', () => {
  it('ship exactly the 22 templates DOMAIN.md lists, one file each, named by id', () => {
    expect(FILES).toEqual(EXPECTED_IDS.map((id) => `${id}.json`));
    expect(BUILT_IN_TEMPLATES.map((t) => t.id).sort()).toEqual(EXPECTED_IDS);
  });

  it.each(FILES)('%s validates against the schema and its id is its file name', (file) => {
    const parsed = CanvasTemplateSchema.parse(raw(file));
    expect(parsed.id).toBe(file.replace(/\.json$/, ''));
  });

  it.each(EXPECTED_IDS)('%s has every text in four languages, translated rather than copied', (id) => {
    for (const [where, local] of localTexts(findTemplate(id)!)) {
      for (const language of ['en', 'ar', 'uz', 'ru'] as const) expect(local[language].trim(), `${where} ${language}`).not.toBe('');
      for (const language of ['ar', 'uz', 'ru'] as const) expect(local[language], `${where} ${language}`).not.toBe(local.en);
      expect(local.ar, `${where} ar`).toMatch(/[\u0600-\u06FF]/);
      expect(local.ru, `${where} ru`).toMatch(/[\u0400-\u04FF]/);
    }
  });

  it.each(EXPECTED_IDS)('%s writes Uzbek oʻ and gʻ with U+02BB, never an apostrophe or quote', (id) => {
    for (const [where, local] of localTexts(findTemplate(id)!)) {
      expect(local.uz, `${where} uz`).not.toMatch(/[oOgG]['’‘`ʼ]/);
      expect(local.uz, `${where} uz`).not.toMatch(/['’‘`]/);
    }
    // The catalogue does use the letters, so the check above is not vacuous.
    expect(localTexts(findTemplate('business-model-canvas')!).some(([, l]) => /[oOgG]\u02BB/.test(l.uz))).toBe(true);
  });

  it('credit the Business Model Canvas (and the Lean Canvas built on it) under CC BY-SA 3.0', () => {
    for (const id of ['business-model-canvas', 'lean-canvas']) {
      const attribution = findTemplate(id)!.attribution!;
      for (const language of ['en', 'ar', 'uz', 'ru'] as const) {
        expect(attribution[language], `${id} ${language}`).toContain('https://creativecommons.org/licenses/by-sa/3.0/');
        expect(attribution[language], `${id} ${language}`).toContain('CC BY-SA 3.0');
        expect(attribution[language], `${id} ${language}`).toContain('Strategyzer AG');
      }
    }
    expect(findTemplate('business-model-canvas')!.attribution!.en).toContain('Alexander Osterwalder');
  });

  it('lay out the Business Model Canvas as the classic nine blocks', () => {
    const bmc = findTemplate('business-model-canvas')!;
    expect(bmc.zones.map((z) => z.key)).toEqual([
      'key-partners', 'key-activities', 'key-resources', 'value-propositions', 'relationships', 'channels', 'segments', 'cost-structure', 'revenue-public-value',
    ]);
    // Partners, value propositions and segments run the full upper band; costs and revenue share the bottom.
    const rect = (key: string) => templateZoneRect(bmc, key, 'ltr');
    expect([rect('key-partners').height, rect('value-propositions').height, rect('segments').height]).toEqual([4, 4, 4]);
    expect(rect('cost-structure').width + rect('revenue-public-value').width).toBe(bmc.grid.columns);
  });

  it('do not ship the Strategyzer Value Proposition Canvas, Test Card or Learning Card', () => {
    const forbidden = /value proposition canvas|test card|learning card/i;
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t.id).not.toMatch(/value-proposition|test-card|learning-card/);
      for (const language of ['en', 'ar', 'uz', 'ru'] as const) expect(t.title[language], `${t.id} ${language}`).not.toMatch(forbidden);
    }
    // The generic learning log is a table of columns, not the Learning Card's stacked four-line card.
    const log = findTemplate('learning-log')!;
    expect(new Set(log.zones.map((z) => z.top))).toEqual(new Set([0]));
  });

  it('give every stage at least one template, as DOMAIN.md names canvas tools for all seven', () => {
    for (const stage of STAGES) expect(templatesForStage(stage).length, `stage ${stage}`).toBeGreaterThan(0);
    expect(templatesForStage(2).map((t) => t.id)).toEqual(['brainstorm-board', 'impact-effort-matrix']);
    expect(templatesForStage(7).map((t) => t.id)).toEqual(['systems-map']);
  });

  it('link each stage tool to at most one template, which sits on that tool’s stage', () => {
    const tools = BUILT_IN_TEMPLATES.flatMap((t) => (t.stageTool ? [t.stageTool] : []));
    expect(new Set(tools).size).toBe(tools.length);
    for (const [stage, stageTools] of Object.entries(STAGE_TOOLS)) {
      for (const tool of stageTools) {
        const template = templateForStageTool(tool);
        if (template) expect(template.stages, tool).toContain(Number(stage));
      }
    }
    expect(templateForStageTool('business_model_canvas')?.id).toBe('business-model-canvas');
    expect(templateForStageTool('journey_map')?.id).toBe('citizen-journey-map');
    expect(templateForStageTool('impact_effort')?.id).toBe('impact-effort-matrix');
    expect(templateForStageTool('raci')).toBeUndefined();
    expect(findTemplate('no-such-template')).toBeUndefined();
  });

  it('keep their starter notes to where they help: the brainstorm prompt', () => {
    const withNotes = BUILT_IN_TEMPLATES.filter((t) => t.starterNotes?.length).map((t) => t.id);
    expect(withNotes).toEqual(['brainstorm-board']);
    expect(findTemplate('brainstorm-board')!.starterNotes![0].zone).toBe('prompt');
  });
});

describe('the canvas template schema', () => {
  it('accepts the small valid template the failing cases start from', () => {
    expect(messages(base())).toEqual([]);
  });

  it('rejects overlapping zones', () => {
    const t = base();
    t.zones[1].start = 0; // now covers the top-left cell "left" also covers
    expect(messages(t)).toContain('zones_overlap');
    // Zones that only touch along an edge do not overlap.
    expect(messages(base())).not.toContain('zones_overlap');
  });

  it('rejects a zone that leaves the grid, to the side or below', () => {
    const wide = base();
    wide.zones[1].width = 4;
    expect(messages(wide)).toContain('zone_outside_grid');
    const tall = base();
    tall.zones[0].height = 3;
    expect(messages(tall)).toContain('zone_outside_grid');
  });

  it('rejects duplicate zone keys', () => {
    const t = base();
    t.zones[1].key = 'left';
    expect(messages(t)).toContain('duplicate_zone_key');
  });

  it('rejects a starter note in a zone the template does not have', () => {
    const t = base();
    t.starterNotes[0].zone = 'middle';
    expect(messages(t)).toContain('unknown_zone');
  });

  it('rejects a stage tool on a stage the template is not offered at, and unknown tools', () => {
    expect(messages({ ...base(), stageTool: 'swot' })).toEqual([]);
    expect(messages({ ...base(), stageTool: 'risk_matrix' })).toContain('tool_stage_mismatch');
    expect(messages({ ...base(), stageTool: 'value_proposition_canvas' })).toContain('invalid_value');
  });

  it('rejects a missing language, an empty text, unknown fields and a non-kebab id', () => {
    const t = base();
    delete (t.title as Partial<LocalText>).ru;
    expect(CanvasTemplateSchema.safeParse(t).success).toBe(false);
    expect(CanvasTemplateSchema.safeParse({ ...base(), description: { ...text('x'), ar: '   ' } }).success).toBe(false);
    expect(CanvasTemplateSchema.safeParse({ ...base(), colour: 'red' }).success).toBe(false);
    expect(CanvasTemplateSchema.safeParse({ ...base(), id: 'Test_Grid' }).success).toBe(false);
    expect(CanvasTemplateSchema.safeParse({ ...base(), schemaVersion: 2 }).success).toBe(false);
    expect(CanvasTemplateSchema.safeParse({ ...base(), stages: [8] }).success).toBe(false);
    expect(messages({ ...base(), stages: [1, 1] })).toContain('duplicate_stage');
  });

  it('loads a bad template with an error that names its file', () => {
    const t = base();
    t.zones[1].key = 'left';
    expect(() => loadTemplate('test-grid', t)).toThrow(/resources\/templates\/canvas\/test-grid\.json.*duplicate_zone_key/);
    expect(() => loadTemplate('other-name', base())).toThrow(/other-name\.json.*must match the file name/);
    expect(loadTemplate('test-grid', base()).id).toBe('test-grid');
  });
});

describe('templateZoneRect', () => {
  const t = CanvasTemplateSchema.parse(base());

  it('keeps logical geometry left to right', () => {
    expect(templateZoneRect(t, 'left', 'ltr')).toEqual({ left: 0, top: 0, width: 1, height: 2 });
    expect(templateZoneRect(t, 'right', 'ltr')).toEqual({ left: 1, top: 0, width: 3, height: 1 });
  });

  it('mirrors the inline start right to left, keeping top and size', () => {
    expect(templateZoneRect(t, 'left', 'rtl')).toEqual({ left: 3, top: 0, width: 1, height: 2 });
    expect(templateZoneRect(t, 'right', 'rtl')).toEqual({ left: 0, top: 0, width: 3, height: 1 });
  });

  it('mirrors every built-in zone inside its grid, and mirroring twice gives the original', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      for (const zone of template.zones) {
        const ltr = templateZoneRect(template, zone.key, 'ltr');
        const rtl = templateZoneRect(template, zone.key, 'rtl');
        expect(rtl.left).toBeGreaterThanOrEqual(0);
        expect(rtl.left + rtl.width).toBeLessThanOrEqual(template.grid.columns);
        expect(template.grid.columns - rtl.left - rtl.width).toBe(ltr.left);
      }
    }
    // The BMC's key partners sit at the right edge in Arabic.
    const bmc = findTemplate('business-model-canvas')!;
    expect(templateZoneRect(bmc, 'key-partners', 'rtl').left).toBe(8);
  });

  it('refuses a zone the template does not have', () => {
    expect(() => templateZoneRect(t, 'middle', 'ltr')).toThrow(/no zone "middle"/);
  });
});
