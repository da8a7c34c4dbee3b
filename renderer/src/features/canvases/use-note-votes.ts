/**
 * The votes each note got in the canvas's latest revealed dot vote (workshops keep the sessions;
 * see VotingPanel). A vote still open keeps its tally hidden: core returns no results for it, and
 * nothing here counts votes itself.
 */
import { useMemo } from 'react';
import { useApiQuery } from '../../api/hooks';

export function useNoteVotes(canvasId: string) {
  const sessions = useApiQuery('workshops.votes', { canvasId });
  return useMemo(() => {
    const latest = (sessions.data ?? [])
      .filter((v) => v.results !== null && v.revealedAt !== null)
      .sort((a, b) => (a.revealedAt! < b.revealedAt! ? -1 : 1))
      .at(-1);
    if (!latest) return null;
    return { title: latest.title, counts: new Map(latest.results!.map((r) => [r.noteId, r.votes])) as ReadonlyMap<string, number> };
  }, [sessions.data]);
}
