/**
 * The migrations, in order. Forward-only: a released file is never edited (its hash is checked on
 * every open); a change to the schema is a new numbered file with its own test in tests/migrations.
 */
import initial from './0001-initial.sql?raw';
import gatesEvidenceSearch from './0002-gates-evidence-search.sql?raw';
import challengesIdeas from './0003-challenges-ideas.sql?raw';
import cohorts from './0004-cohorts.sql?raw';
import canvases from './0005-canvases.sql?raw';
import pilots from './0006-pilots.sql?raw';
import attachments from './0007-attachments.sql?raw';
import workshops from './0008-workshops.sql?raw';
import noteLinks from './0009-note-links.sql?raw';
import pilotLinksKpiProtocol from './0010-pilot-links-kpi-protocol.sql?raw';
import notePilotAttachments from './0011-note-pilot-attachments.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'gates-evidence-search', sql: gatesEvidenceSearch },
  { version: 3, name: 'challenges-ideas', sql: challengesIdeas },
  { version: 4, name: 'cohorts', sql: cohorts },
  { version: 5, name: 'canvases', sql: canvases },
  { version: 6, name: 'pilots', sql: pilots },
  { version: 7, name: 'attachments', sql: attachments },
  { version: 8, name: 'workshops', sql: workshops },
  { version: 9, name: 'note-links', sql: noteLinks },
  { version: 10, name: 'pilot-links-kpi-protocol', sql: pilotLinksKpiProtocol },
  { version: 11, name: 'note-pilot-attachments', sql: notePilotAttachments },
];
