/**
 * The lab's own identity (one `lab_profile` row): its id names the lab in bundle manifests and copy
 * origins, its name is shown to the labs that receive its bundles. Made on first use.
 */
import type { Db } from '../../db/open';

export interface LabIdentity {
  id: string;
  name: string;
}

/** The lab's identity, made (with an empty name) the first time anything asks. Run inside a transaction. */
export function labIdentity(db: Db, newId: () => string, now: string): LabIdentity {
  const existing = db.prepare('SELECT id, name FROM lab_profile ORDER BY created_at LIMIT 1').get() as LabIdentity | undefined;
  if (existing) return existing;
  const id = newId();
  db.prepare('INSERT INTO lab_profile (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, '', now, now);
  return { id, name: '' };
}

/** Sets the lab's name (shown in the bundles it signs); answers the identity. */
export function renameLab(db: Db, name: string, newId: () => string, now: string): LabIdentity {
  return db.transaction(() => {
    const lab = labIdentity(db, newId, now);
    db.prepare('UPDATE lab_profile SET name = ?, updated_at = ? WHERE id = ?').run(name, now, lab.id);
    return { id: lab.id, name };
  })();
}
