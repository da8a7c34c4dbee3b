/**
 * The lab's own templates: a canvas's layout saved under a name, renamed and its zones retitled
 * language by language, deleted. Deleting one that canvases use retires it instead: it leaves the
 * gallery (no new canvas is made from it) while its canvases keep their layout, because a canvas
 * draws its zones from its template. Stored in the built-in catalogue's shape and checked by the same
 * schema before every write.
 */
import { ApiFailure } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import { CanvasTemplateSchema, type CanvasTemplate, type LocalText } from '../../../shared/canvas/template';
import { LANGUAGES } from '../../../shared/domain/settings';
import { normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { CanvasesRepo } from './canvases-repo';
import { labTemplate } from './template-source';

const everywhere = (text: string): LocalText => Object.fromEntries(LANGUAGES.map((l) => [l, normaliseUzbekApostrophes(text)])) as LocalText;

export function createLabTemplatesService(
  deps: Pick<CoreDeps, 'clock' | 'ids'>,
  repo: CanvasesRepo,
  others: { events: EventHub; template(id: string): CanvasTemplate | undefined },
) {
  const now = () => deps.clock.now().toISOString();
  const changed = () => others.events.emit({ type: 'data.changed', payload: { area: 'canvases' } });
  /** A template of the gallery: a retired one is gone as far as editing goes. */
  const stored = (id: string) => {
    const row = repo.template(id);
    return (row?.retired_at === null ? labTemplate(row) : undefined) ?? (() => { throw new ApiFailure('not_found', `No lab template with id ${id}.`); })();
  };
  const checked = (t: CanvasTemplate) => {
    const parsed = CanvasTemplateSchema.safeParse(t);
    if (!parsed.success) {
      throw new ApiFailure('invalid_input', 'The template is not valid.', parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], code: i.message })));
    }
    return JSON.stringify(parsed.data);
  };

  return {
    list: ({ retired }: ParsedInput<'labTemplates.list'>): CanvasTemplate[] => repo.templates(retired).flatMap((row) => labTemplate(row) ?? []),

    /** Saves a canvas's layout (zones, their titles and hints, any attribution it owes) as a new template. */
    create({ canvasId, title }: ParsedInput<'labTemplates.create'>) {
      const canvas = repo.get(canvasId) ?? (() => { throw new ApiFailure('not_found', `No canvas with id ${canvasId}.`); })();
      const source = canvas.templateId ? others.template(canvas.templateId) : undefined;
      if (!source) throw new ApiFailure('invalid_input', 'A free-form canvas has no layout to save.', [{ path: ['canvasId'], code: 'no_layout' }]);
      const template: CanvasTemplate = {
        schemaVersion: source.schemaVersion,
        id: deps.ids.next(),
        stages: canvas.stage ? [canvas.stage] : source.stages,
        title: everywhere(title),
        description: source.description,
        // A layout derived from a CC BY-SA template stays under its licence, and says so.
        ...(source.attribution ? { attribution: source.attribution } : {}),
        grid: source.grid,
        zones: source.zones,
      };
      const at = now();
      repo.insertTemplate({ id: template.id, body: checked(template), createdAt: at, updatedAt: at });
      changed();
      return stored(template.id);
    },

    update({ id, language, title, zones }: ParsedInput<'labTemplates.update'>) {
      const current = stored(id);
      const keys = new Set(current.zones.map((z) => z.key));
      const unknown = zones.findIndex((z) => !keys.has(z.key));
      if (unknown >= 0) throw new ApiFailure('invalid_input', 'That zone does not exist.', [{ path: ['zones', unknown, 'key'], code: 'unknown_reference' }]);
      const set = (text: LocalText, value: string | undefined): LocalText => (value === undefined ? text : { ...text, [language]: normaliseUzbekApostrophes(value) });
      const next: CanvasTemplate = {
        ...current,
        title: set(current.title, title),
        zones: current.zones.map((z) => {
          const edit = zones.find((e) => e.key === z.key);
          return edit ? { ...z, title: set(z.title, edit.title), hint: set(z.hint, edit.hint) } : z;
        }),
      };
      repo.updateTemplate({ id, body: checked(next), updatedAt: now() });
      changed();
      return stored(id);
    },

    delete({ id }: { id: string }) {
      stored(id);
      const retired = repo.templateInUse(id);
      if (retired) repo.retireTemplate(id, now());
      else repo.deleteTemplate(id);
      changed();
      return { id, retired };
    },
  };
}
