/**
 * The catalogue key for a refusal a workshop screen shows: the issue's own code when it names a
 * workshop rule (a locked zone, no votes left, a stale edit), else the error code's message.
 */
import type { ApiError } from '../../../../electron/shared/api/envelope';
import { errorKey, validationKey } from '../../i18n/labels';

const WORKSHOP_ISSUES = new Set(['stale', 'zone_locked', 'not_your_note', 'no_votes_left', 'one_vote_per_note', 'vote_closed', 'vote_open', 'workshop_ended', 'workshop_running', 'port_unavailable']);

export function participantErrorKey(error: ApiError): string {
  const issue = error.issues?.find((i) => WORKSHOP_ISSUES.has(i.code));
  if (issue) return validationKey(issue.code);
  if (error.code === 'unauthorized') return validationKey('workshop_ended');
  // For a participant, a server the page cannot reach means the facilitator has closed the workshop
  // (or their laptop went away).
  if (error.code === 'network') return 'workshop.participant.unreachable';
  return errorKey(error.code);
}
