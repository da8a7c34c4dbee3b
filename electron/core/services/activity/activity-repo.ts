/** The append-only activity log. There is no update or delete here, and triggers refuse them in SQL. */
import type { Db } from '../../db/open';
import type { Activity } from '../../../shared/domain/lab';

interface ActivityRow {
  id: string;
  at: string;
  subject_type: string;
  subject_id: string;
  action: string;
  fields: string;
  summary: string;
}

export function createActivityRepo(db: Db) {
  const insert = db.prepare<ActivityRow>(
    `INSERT INTO activity_log (id, at, subject_type, subject_id, action, fields, summary)
     VALUES (@id, @at, @subject_type, @subject_id, @action, @fields, @summary)`,
  );
  const forSubject = db.prepare<[string, number], ActivityRow>(
    `SELECT id, at, subject_type, subject_id, action, fields, summary FROM activity_log
     WHERE subject_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
  );
  return {
    append(entry: Activity) {
      insert.run({
        id: entry.id,
        at: entry.at,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        action: entry.action,
        fields: JSON.stringify(entry.fields),
        summary: entry.summary,
      });
    },
    forSubject: (subjectId: string, limit: number): Activity[] =>
      forSubject.all(subjectId, limit).map((row) => ({
        id: row.id,
        at: row.at,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        action: row.action as Activity['action'],
        fields: JSON.parse(row.fields) as string[],
        summary: row.summary,
      })),
  };
}

export type ActivityRepo = ReturnType<typeof createActivityRepo>;
