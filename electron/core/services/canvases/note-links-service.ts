/**
 * Links from a note to another note or to a pilot KPI. Both ends must exist when the link is made;
 * afterwards the database removes a link with either end (migration 0009's cascades), so a link
 * never points at nothing and nothing here has to clean up after deletions.
 */
import { ApiFailure } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import type { NoteLink } from '../../../shared/canvas/links';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { CanvasesRepo } from './canvases-repo';
import type { NoteLinksRepo } from './note-links-repo';

export function createNoteLinksService(
  deps: Pick<CoreDeps, 'clock' | 'ids'>,
  repo: NoteLinksRepo,
  others: { events: EventHub; canvases: Pick<CanvasesRepo, 'note' | 'get'> },
) {
  const note = (id: string) => others.canvases.note(id) ?? (() => { throw new ApiFailure('not_found', `No note with id ${id}.`); })();
  const changed = (canvasId: string) => others.events.emit({ type: 'data.changed', payload: { area: 'canvases', id: canvasId } });

  return {
    list: ({ noteId }: ParsedInput<'noteLinks.list'>) => {
      note(noteId);
      return repo.forNote(noteId);
    },

    forCanvas: ({ canvasId }: ParsedInput<'noteLinks.forCanvas'>) => {
      if (!others.canvases.get(canvasId)) throw new ApiFailure('not_found', `No canvas with id ${canvasId}.`);
      return repo.forCanvas(canvasId);
    },

    kpiChoices: () => repo.kpiChoices(),

    add({ noteId, target }: ParsedInput<'noteLinks.add'>) {
      const from = note(noteId);
      const targetNoteId = target.kind === 'note' ? target.noteId : null;
      const targetKpiId = target.kind === 'kpi' ? target.kpiId : null;
      const path = ['target', target.kind === 'note' ? 'noteId' : 'kpiId'];
      if (targetNoteId === noteId) throw new ApiFailure('invalid_input', 'A note cannot link to itself.', [{ path, code: 'self_link' }]);
      const exists = targetNoteId !== null ? others.canvases.note(targetNoteId) !== undefined : repo.kpiExists(targetKpiId!);
      if (!exists) throw new ApiFailure('invalid_input', 'The link target does not exist.', [{ path, code: 'unknown_reference' }]);
      if (repo.existing(noteId, targetNoteId, targetKpiId)) throw new ApiFailure('invalid_input', 'The note already has this link.', [{ path, code: 'already_exists' }]);
      const link: NoteLink = { id: deps.ids.next(), noteId, targetNoteId, targetKpiId, createdAt: deps.clock.now().toISOString() };
      repo.insert(link);
      changed(from.canvasId);
      return repo.forNote(noteId).find((l) => l.id === link.id)!;
    },

    remove({ id }: { id: string }) {
      const link = repo.get(id) ?? (() => { throw new ApiFailure('not_found', `No note link with id ${id}.`); })();
      repo.remove(id);
      changed(note(link.noteId).canvasId);
      return { id };
    },
  };
}
