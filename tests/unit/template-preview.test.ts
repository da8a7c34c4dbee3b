/**
 * TemplatePreview draws a template's zones as an accessible SVG thumbnail, mirrored right to left.
 * Rendered to markup on the server renderer: the component is pure, so markup is what it produces.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, findTemplate } from '../../electron/shared/canvas/catalogue';
import type { CanvasTemplate } from '../../electron/shared/canvas/template';
import type { Language } from '../../electron/shared/domain/settings';
import { TemplatePreview } from '../../renderer/src/features/canvases/TemplatePreview';

const render = (template: CanvasTemplate, language: Language) => renderToStaticMarkup(createElement(TemplatePreview, { template, language }));

/** The zone boxes (not title bars) with their x and width, by zone key. */
function zoneBoxes(markup: string): Map<string, { x: number; width: number }> {
  const boxes = new Map<string, { x: number; width: number }>();
  for (const [, key, attrs] of markup.matchAll(/<g data-zone="([^"]+)"><rect ([^>]*)>/g)) {
    boxes.set(key, { x: Number(/(?:^| )x="([\d.]+)"/.exec(attrs)![1]), width: Number(/ width="([\d.]+)"/.exec(attrs)![1]) });
  }
  return boxes;
}

describe('TemplatePreview', () => {
  const bmc = findTemplate('business-model-canvas')!;

  it('is an image named by the template title in the UI language', () => {
    for (const language of ['en', 'ar', 'uz', 'ru'] as const) {
      const markup = render(bmc, language);
      expect(markup).toMatch(/^<svg role="img"/);
      expect(markup).toContain(`aria-label="${bmc.title[language]}"`);
    }
  });

  it('draws one box per zone for every built-in template', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      expect([...zoneBoxes(render(template, 'en')).keys()], template.id).toEqual(template.zones.map((z) => z.key));
    }
  });

  it('mirrors the layout in Arabic and not in English', () => {
    const ltr = zoneBoxes(render(bmc, 'en'));
    const rtl = zoneBoxes(render(bmc, 'ar'));
    // Key partners start the canvas: at the left in English, at the right in Arabic.
    expect(ltr.get('key-partners')!.x).toBeLessThan(ltr.get('segments')!.x);
    expect(rtl.get('key-partners')!.x).toBeGreaterThan(rtl.get('segments')!.x);
    for (const [key, box] of ltr) {
      const mirrored = rtl.get(key)!;
      expect(mirrored.width, key).toBeCloseTo(box.width, 1);
      expect(mirrored.x, key).toBeCloseTo(160 - box.x - box.width, 1);
    }
    // Uzbek and Russian read left to right like English.
    expect(zoneBoxes(render(bmc, 'ru'))).toEqual(ltr);
  });

  it('puts each title bar at the inline start of its zone', () => {
    const swot = findTemplate('swot')!;
    const bar = (markup: string) => Number(/data-title-bar="" x="([\d.]+)"/.exec(markup)![1]);
    const ltr = render(swot, 'en');
    const rtl = render(swot, 'ar');
    expect(bar(ltr)).toBeLessThan(zoneBoxes(ltr).get('strengths')!.x + 10);
    expect(bar(rtl)).toBeGreaterThan(zoneBoxes(rtl).get('strengths')!.x + 10);
  });

  it('renders the same markup every time', () => {
    expect(render(bmc, 'ar')).toBe(render(bmc, 'ar'));
  });
});
