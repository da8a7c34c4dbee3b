/**
 * Live workshops on one canvas. The facilitator (host) starts and ends a workshop, runs the timer,
 * private mode, locks, presenting and dot votes; participants (each with their own random token)
 * see that one canvas, change only their own notes and vote. Note edits go through the canvases
 * service, so a participant's stale edit is refused exactly like the facilitator's (house rule 9,
 * shared/canvas/reconcile.ts) — never silently lost.
 */
import { ApiFailure, type InputIssue } from '../../shared/api/envelope';
import type { ParsedInput } from '../../shared/api/contract';
import { normaliseUzbekApostrophes as uz } from '../../shared/text/fold';
import type { Note } from '../../shared/canvas/model';
import type { CanvasTemplate } from '../../shared/canvas/template';
import type { Language } from '../../shared/domain/settings';
import {
  initialFacilitation,
  nextTimer,
  rankVotes,
  roomNote,
  type Facilitation,
  type ParticipantStatus,
  type ParticipantView,
  type Summary,
  type VoteResult,
  type VoteSession,
  type Workshop,
} from '../../shared/workshop/model';
import type { CoreDeps } from '../deps';
import type { EventHub } from '../event-hub';
import type { CanvasesService } from '../services/canvases/canvases-service';
import { hashToken, newSecret, newToken, sameSecret } from './tokens';
import type { ParticipantRecord, VoteSessionRecord, WorkshopRecord, WorkshopsRepo } from './workshops-repo';

const notFound = (what: string, id: string) => new ApiFailure('not_found', `No ${what} with id ${id}.`);
const refused = (message: string, code: string, path: (string | number)[] = []) => new ApiFailure('forbidden', message, [{ path, code }]);
/** What a participant's request gets once their workshop is over or their token is unknown. */
export const workshopEnded = () =>
  new ApiFailure('unauthorized', 'This workshop has ended, or the link is no longer valid.', [{ path: [], code: 'workshop_ended' }]);

export function createWorkshopsService(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>,
  repo: WorkshopsRepo,
  others: { events: EventHub; canvases: CanvasesService; template(id: string): CanvasTemplate | undefined },
) {
  const { db, clock, ids } = deps;
  const { events, canvases } = others;
  const now = () => clock.now().toISOString();
  const changed = (canvasId: string) => events.emit({ type: 'data.changed', payload: { area: 'workshops', id: canvasId } });
  /**
   * A change only the facilitator's screens need (a join, a vote while the tally is hidden): named
   * by the record's own id, so the workshop server, which signals changes of its canvas, stays quiet.
   */
  const changedForHost = (id: string) => events.emit({ type: 'data.changed', payload: { area: 'workshops', id } });
  const pushNotes = (canvasId: string, notes: (Note & { ownerId: string; hidden: boolean })[], removed: string[] = []) =>
    events.emit({ type: 'workshop.notes', payload: { canvasId, notes, removed } });

  /**
   * Every participant request hashes its token to find its owner; a room's few hundred tokens are
   * hashed once each. Only tokens that belonged to someone are kept (a flood of made-up ones cannot
   * push them out), and only the hash is in the database.
   */
  const hashes = new Map<string, string>();
  function signedIn(token: string) {
    const known = hashes.get(token);
    const hash = known ?? hashToken(token);
    const who = repo.signedIn(hash);
    if (who && known === undefined) {
      if (hashes.size >= 10_000) hashes.clear();
      hashes.set(token, hash);
    }
    return who;
  }

  const workshop = (id: string) => repo.workshop(id) ?? (() => { throw notFound('workshop', id); })();
  const running = (id: string) => {
    const w = workshop(id);
    if (w.endedAt !== null) throw new ApiFailure('conflict', 'This workshop has ended.', [{ path: ['id'], code: 'workshop_ended' }]);
    return w;
  };

  function view(w: WorkshopRecord): Workshop {
    return {
      id: w.id,
      canvasId: w.canvasId,
      startedAt: w.startedAt,
      endedAt: w.endedAt,
      facilitation: w.facilitation,
      participants: repo.participants(w.id).map(({ id, displayName, remote, joinedAt }) => ({ id, displayName, remote, joinedAt })),
      hiddenNoteIds: repo.hiddenNoteIds(w.id),
      joinSecret: w.joinSecret,
      summary: w.summary,
      serverNow: now(),
    };
  }

  function setFacilitation(w: WorkshopRecord, f: Facilitation) {
    repo.setFacilitation(w.id, f, now());
    changed(w.canvasId);
    return view({ ...w, facilitation: f });
  }

  function zonesOf(canvasId: string) {
    const canvas = canvases.canvas(canvasId);
    return (canvas.templateId ? others.template(canvas.templateId)?.zones : undefined) ?? [];
  }

  /** The ranked tally; `note` finds a voted note still on the canvas (a deleted one drops out). */
  function results(v: VoteSessionRecord, note: (id: string) => Note | undefined): VoteResult[] {
    const voted = [...repo.tally(v.id)].flatMap(([id, votes]) => {
      const n = note(id);
      return n ? [{ noteId: n.id, text: n.text, zoneKey: n.zoneKey, votes }] : [];
    });
    return rankVotes(voted);
  }
  const inList = (notes: readonly Note[]) => {
    const byId = new Map(notes.map((n) => [n.id, n]));
    return (id: string) => byId.get(id);
  };

  function voteView(v: VoteSessionRecord, notes: () => readonly Note[]): VoteSession {
    const totals = repo.totals(v.id);
    return {
      id: v.id,
      canvasId: v.canvasId,
      workshopId: v.workshopId,
      title: v.title,
      votesPerPerson: v.votesPerPerson,
      onePerNote: v.onePerNote,
      status: v.revealedAt === null ? 'open' : 'revealed',
      votesCast: totals.votes,
      voters: totals.voters,
      results: v.revealedAt === null ? null : results(v, inList(notes())),
      createdAt: v.createdAt,
      revealedAt: v.revealedAt,
    };
  }

  function summarise(w: WorkshopRecord, endedAt: string, endedBy: NonNullable<Summary['endedBy']>): Summary {
    const { notes } = canvases.get({ id: w.canvasId });
    const zoneOrder = zonesOf(w.canvasId).map((z) => z.key as string | null);
    const perZone = new Map<string | null, number>(zoneOrder.map((k) => [k, 0]));
    for (const n of notes) perZone.set(n.zoneKey, (perZone.get(n.zoneKey) ?? 0) + 1);
    return {
      startedAt: w.startedAt,
      endedAt,
      durationMs: Math.max(0, Date.parse(endedAt) - Date.parse(w.startedAt)),
      participants: repo.participants(w.id).length,
      notesAdded: repo.notesAdded(w.id),
      notesPerZone: [...perZone].map(([zoneKey, count]) => ({ zoneKey, notes: count })),
      voteSessions: repo.voteSessionsOfWorkshop(w.id).map((v) => {
        const all = results(v, inList(notes));
        return { id: v.id, title: v.title, votesCast: repo.totals(v.id).votes, top: all.filter((r) => r.rank <= 3) };
      }),
      endedBy,
    };
  }

  /** Ends a running workshop: the open vote is revealed, every token revoked and the summary kept, in one transaction. */
  function finish(w: WorkshopRecord, endedBy: NonNullable<Summary['endedBy']>) {
    const at = now();
    db.transaction(() => {
      const open = repo.openVote(w.id);
      if (open) repo.revealVote(open.id, at);
      repo.end(w.id, summarise(w, at, endedBy), at);
    })();
    changed(w.canvasId);
  }

  /** Checks one vote against the session's rules, then stores it. */
  function castVote(v: VoteSessionRecord, voter: ParticipantRecord, noteId: string, visible: (n: Note) => boolean) {
    if (v.revealedAt !== null) throw new ApiFailure('conflict', 'This vote is over.', [{ path: ['voteSessionId'], code: 'vote_closed' }]);
    const note = canvases.note(v.canvasId, noteId);
    if (!note || !visible(note)) throw new ApiFailure('invalid_input', 'That note is not on this canvas.', [{ path: ['noteId'], code: 'unknown_reference' }]);
    const mine = repo.myVotes(v.id, voter.id);
    if (mine.length >= v.votesPerPerson) throw refused('No votes left.', 'no_votes_left', ['noteId']);
    if (v.onePerNote && mine.includes(noteId)) throw refused('One vote per note.', 'one_vote_per_note', ['noteId']);
    repo.insertVote(ids.next(), v.id, noteId, voter.id, now());
  }

  // ——— What a participant may do ———

  function me(participantId: string | undefined) {
    const p = participantId === undefined ? undefined : repo.participant(participantId);
    if (!p || p.revoked) throw workshopEnded();
    const w = repo.workshop(p.workshopId);
    if (!w || w.endedAt !== null) throw workshopEnded();
    return { p, w };
  }

  const zoneLocked = (w: WorkshopRecord, zoneKey: string | null) => w.facilitation.lockedAll || (zoneKey !== null && w.facilitation.lockedZones.includes(zoneKey));

  /** A participant's own note, in a zone that is not locked. */
  function ownNote(w: WorkshopRecord, participantId: string, noteId: string) {
    const note = canvases.note(w.canvasId, noteId);
    if (!note || repo.noteOwner(noteId) !== participantId) throw refused('Participants may change only their own notes.', 'not_your_note', ['id']);
    if (zoneLocked(w, note.zoneKey)) throw refused('The facilitator has locked this zone.', 'zone_locked', ['id']);
    return note;
  }

  return {
    // ——— Host ———
    start({ canvasId }: { canvasId: string }) {
      canvases.get({ id: canvasId });
      if (repo.running(canvasId)) throw new ApiFailure('conflict', 'A workshop is already running on this canvas.', [{ path: ['canvasId'], code: 'workshop_running' }]);
      const id = ids.next();
      repo.insertWorkshop({ id, canvasId, joinSecret: newSecret(), facilitation: initialFacilitation(), at: now() });
      changed(canvasId);
      return view(workshop(id));
    },
    get: ({ id }: { id: string }) => view(workshop(id)),
    /** The canvas's workshops, the running one (if any) first, then the ended ones newest first. */
    list: ({ canvasId }: { canvasId: string }) => repo.ofCanvas(canvasId).map(view),

    end({ id }: { id: string }) {
      const w = running(id);
      finish(w, 'facilitator');
      return view(workshop(id));
    },

    /**
     * Run once when core starts: a workshop still marked running lost its room (LAN listener, phones'
     * connections) with the previous process, so it is ended like a normal end — open vote revealed,
     * tokens revoked, summary written — and the summary says the restart ended it.
     */
    endAfterRestart() {
      const orphans = repo.allRunning();
      for (const w of orphans) finish(w, 'restart');
      return orphans.map((w) => w.id);
    },

    timer({ id, action, seconds }: ParsedInput<'workshops.timer'>) {
      const w = running(id);
      return setFacilitation(w, { ...w.facilitation, timer: nextTimer(w.facilitation.timer, action, clock.now().getTime(), seconds) });
    },

    /** Turning private mode off reveals every note it hid. */
    setPrivate({ id, on }: ParsedInput<'workshops.setPrivate'>) {
      const w = running(id);
      return db.transaction(() => {
        if (!on) repo.reveal(w.id);
        return setFacilitation(w, { ...w.facilitation, privateMode: on });
      })();
    },

    lock({ id, all, zones }: ParsedInput<'workshops.lock'>) {
      const w = running(id);
      const known = new Set(zonesOf(w.canvasId).map((z) => z.key));
      const issues: InputIssue[] = zones.flatMap((z, i) => (known.has(z) ? [] : [{ path: ['zones', i], code: 'unknown_reference' }]));
      if (issues.length) throw new ApiFailure('invalid_input', 'That zone does not exist.', issues);
      return setFacilitation(w, { ...w.facilitation, lockedAll: all, lockedZones: [...new Set(zones)] });
    },

    present({ id, zoneKey }: ParsedInput<'workshops.present'>) {
      const w = running(id);
      if (zoneKey !== null && !zonesOf(w.canvasId).some((z) => z.key === zoneKey)) {
        throw new ApiFailure('invalid_input', 'That zone does not exist.', [{ path: ['zoneKey'], code: 'unknown_reference' }]);
      }
      return setFacilitation(w, { ...w.facilitation, presenting: zoneKey });
    },

    startVote({ workshopId, title, votesPerPerson, onePerNote }: ParsedInput<'workshops.startVote'>) {
      const w = running(workshopId);
      if (repo.openVote(w.id)) throw new ApiFailure('conflict', 'A vote is already open; reveal it first.', [{ path: ['workshopId'], code: 'vote_open' }]);
      const v: Omit<VoteSessionRecord, 'revealedAt'> = { id: ids.next(), workshopId: w.id, canvasId: w.canvasId, title: uz(title), votesPerPerson, onePerNote, createdAt: now() };
      repo.insertVoteSession(v);
      changed(w.canvasId);
      return voteView({ ...v, revealedAt: null }, () => []);
    },

    /** Closes the vote and shows the tally, ranked. */
    revealVote({ id }: { id: string }) {
      const v = repo.voteSession(id) ?? (() => { throw notFound('vote', id); })();
      if (v.revealedAt === null) repo.revealVote(id, now());
      changed(v.canvasId);
      return voteView(repo.voteSession(id)!, () => canvases.get({ id: v.canvasId }).notes);
    },

    voteOnBehalf({ voteSessionId, noteId, voterName: typed }: ParsedInput<'workshops.voteOnBehalf'>) {
      const voterName = uz(typed);
      const v = repo.voteSession(voteSessionId) ?? (() => { throw notFound('vote', voteSessionId); })();
      running(v.workshopId);
      db.transaction(() => {
        let voter = repo.inRoom(v.workshopId, voterName);
        if (!voter) {
          const id = ids.next();
          repo.insertParticipant({ id, workshopId: v.workshopId, displayName: voterName, tokenHash: null, at: now() });
          voter = repo.participant(id)!;
        }
        castVote(v, voter, noteId, () => true);
      })();
      changedForHost(v.id);
      return voteView(v, () => []);
    },

    /** Every vote on the canvas, oldest first, so sessions can be compared side by side. */
    votes: ({ canvasId }: { canvasId: string }) => {
      const notes = () => canvases.get({ id: canvasId }).notes;
      return repo.voteSessionsOfCanvas(canvasId).map((v) => voteView(v, notes));
    },

    // ——— Participants ———

    join({ secret, displayName: typed }: ParsedInput<'participant.join'>, workshopId: string) {
      const displayName = uz(typed);
      const w = repo.workshop(workshopId);
      if (!w || w.endedAt !== null || w.joinSecret === null || !sameSecret(w.joinSecret, secret)) throw workshopEnded();
      const token = newToken();
      const id = ids.next();
      repo.insertParticipant({ id, workshopId: w.id, displayName, tokenHash: hashToken(token), at: now() });
      changedForHost(id);
      return { token, participantId: id, displayName };
    },

    /** The participant a token belongs to, while their workshop runs. */
    authenticate: signedIn,

    /** The participant's view without the notes: cheap, read again by every phone on each change signal. */
    participantStatus(participantId: string | undefined, language: Language): ParticipantStatus {
      const { p, w } = me(participantId);
      const open = repo.openVote(w.id);
      const revealed = repo.voteSessionsOfWorkshop(w.id).filter((v) => v.revealedAt !== null).at(-1);
      const hiddenFromMe = (id: string) => {
        const own = repo.workshopNote(id);
        return own !== undefined && own.hidden && own.owner !== p.id;
      };
      return {
        canvasTitle: canvases.canvas(w.canvasId).title,
        zones: zonesOf(w.canvasId).map((z) => ({ key: z.key, title: z.title[language], locked: zoneLocked(w, z.key) })),
        facilitation: w.facilitation,
        serverNow: now(),
        me: { id: p.id, displayName: p.displayName },
        vote: open ? { id: open.id, title: open.title, votesPerPerson: open.votesPerPerson, onePerNote: open.onePerNote, myVotes: repo.myVotes(open.id, p.id) } : null,
        results: revealed
          ? { id: revealed.id, title: revealed.title, results: results(revealed, (id) => (hiddenFromMe(id) ? undefined : canvases.note(w.canvasId, id))) }
          : null,
      };
    },

    participantView(participantId: string | undefined, language: Language): ParticipantView {
      const status = this.participantStatus(participantId, language);
      const { w } = me(participantId);
      const own = repo.notesOf(w.id);
      const notes = canvases
        .get({ id: w.canvasId })
        .notes.filter((n) => !own.get(n.id)?.hidden || own.get(n.id)?.owner === status.me.id)
        .map((n) => ({ ...roomNote(n, own.get(n.id)?.hidden ?? false), mine: own.get(n.id)?.owner === status.me.id }));
      return { ...status, notes };
    },

    /** Every note of the workshop's canvas with who wrote it and whether it is hidden: what the room broadcast diffs against. */
    roomNotes(workshopId: string) {
      const w = workshop(workshopId);
      const own = repo.notesOf(w.id);
      return canvases.get({ id: w.canvasId }).notes.map((n) => ({ ...n, ownerId: own.get(n.id)?.owner ?? null, hidden: own.get(n.id)?.hidden ?? false }));
    },

    addNote(participantId: string | undefined, { zoneKey, text, color }: ParsedInput<'participant.addNote'>) {
      const { p, w } = me(participantId);
      if (zoneLocked(w, zoneKey)) throw refused('The facilitator has locked this zone.', 'zone_locked', ['zoneKey']);
      const [note] = db.transaction(() => {
        const created = canvases.createNotes({
          canvasId: w.canvasId,
          notes: [{ text, color, status: null, author: p.displayName, zoneKey, clusterId: null, x: null, y: null }],
        });
        repo.insertNote(created[0].id, w.id, p.id, w.facilitation.privateMode);
        return created;
      })();
      changedForHost(note.id);
      pushNotes(w.canvasId, [{ ...note, ownerId: p.id, hidden: w.facilitation.privateMode }]);
      return { ...roomNote(note, w.facilitation.privateMode), mine: true };
    },

    editNote(participantId: string | undefined, { id, baseVersion, text }: ParsedInput<'participant.editNote'>) {
      const { p, w } = me(participantId);
      ownNote(w, p.id, id);
      const [note] = canvases.updateNotes({ canvasId: w.canvasId, edits: [{ id, baseVersion, patch: { text } }] });
      const hidden = repo.workshopNote(id)?.hidden ?? false;
      pushNotes(w.canvasId, [{ ...note, ownerId: p.id, hidden }]);
      return { ...roomNote(note, hidden), mine: true };
    },

    deleteNote(participantId: string | undefined, { id, baseVersion }: ParsedInput<'participant.deleteNote'>) {
      const { p, w } = me(participantId);
      ownNote(w, p.id, id);
      const deleted = canvases.deleteNotes({ canvasId: w.canvasId, notes: [{ id, baseVersion }] });
      pushNotes(w.canvasId, [], deleted.ids);
      return deleted;
    },

    vote(participantId: string | undefined, { voteSessionId, noteId }: ParsedInput<'participant.vote'>) {
      const { p, w } = me(participantId);
      const v = repo.voteSession(voteSessionId);
      if (!v || v.workshopId !== w.id) throw new ApiFailure('invalid_input', 'There is no such vote in this workshop.', [{ path: ['voteSessionId'], code: 'unknown_reference' }]);
      const hiddenFromMe = (n: Note) => {
        const own = repo.workshopNote(n.id);
        return own !== undefined && own.workshopId === w.id && own.hidden && own.owner !== p.id;
      };
      db.transaction(() => castVote(v, p, noteId, (n) => !hiddenFromMe(n)))();
      changedForHost(v.id);
      return { myVotes: repo.myVotes(v.id, p.id) };
    },

    unvote(participantId: string | undefined, { voteSessionId, noteId }: ParsedInput<'participant.unvote'>) {
      const { p, w } = me(participantId);
      const v = repo.voteSession(voteSessionId);
      if (!v || v.workshopId !== w.id) throw new ApiFailure('invalid_input', 'There is no such vote in this workshop.', [{ path: ['voteSessionId'], code: 'unknown_reference' }]);
      if (v.revealedAt !== null) throw new ApiFailure('conflict', 'This vote is over.', [{ path: ['voteSessionId'], code: 'vote_closed' }]);
      repo.deleteVote(v.id, p.id, noteId);
      changedForHost(v.id);
      return { myVotes: repo.myVotes(v.id, p.id) };
    },
  };
}

export type WorkshopsService = ReturnType<typeof createWorkshopsService>;
