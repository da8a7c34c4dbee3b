/** SQL for entities (ministries, agencies), people and project membership. */
import type { Db } from '../../db/open';
import type { Entity, Member, Person } from '../../../shared/domain/people';

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  role: string;
  entity_id: string | null;
  created_at: string;
  updated_at: string;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as Person['role'],
  entityId: r.entity_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PERSON_COLUMNS = 'id, name, email, role, entity_id, created_at, updated_at';

export function createPeopleRepo(db: Db) {
  const entities = db.prepare<[], Entity>('SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM entities ORDER BY name COLLATE NOCASE, id');
  const entity = db.prepare<[string], Entity>('SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM entities WHERE id = ?');
  const insertEntity = db.prepare('INSERT INTO entities (id, name, created_at, updated_at) VALUES (@id, @name, @now, @now)');
  const renameEntity = db.prepare('UPDATE entities SET name = @name, updated_at = @now WHERE id = @id');
  const deleteEntity = db.prepare<[string]>('DELETE FROM entities WHERE id = ?');

  const people = db.prepare<[], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people ORDER BY name COLLATE NOCASE, id`);
  const person = db.prepare<[string], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`);
  const insertPerson = db.prepare(
    `INSERT INTO people (${PERSON_COLUMNS}) VALUES (@id, @name, @email, @role, @entity_id, @created_at, @updated_at)`,
  );
  const updatePerson = db.prepare(
    'UPDATE people SET name = @name, email = @email, role = @role, entity_id = @entity_id, updated_at = @updated_at WHERE id = @id',
  );
  const deletePerson = db.prepare<[string]>('DELETE FROM people WHERE id = ?');

  const members = db.prepare<[string], PersonRow & { member_role: string }>(
    `SELECT p.id, p.name, p.email, p.role, p.entity_id, p.created_at, p.updated_at, m.role AS member_role
     FROM project_members m JOIN people p ON p.id = m.person_id WHERE m.project_id = ? ORDER BY m.created_at, p.id`,
  );
  const upsertMember = db.prepare(
    `INSERT INTO project_members (project_id, person_id, role, created_at) VALUES (@projectId, @personId, @role, @now)
     ON CONFLICT (project_id, person_id) DO UPDATE SET role = excluded.role`,
  );
  const removeMember = db.prepare<[string, string]>('DELETE FROM project_members WHERE project_id = ? AND person_id = ?');

  const personToRow = (p: Person): PersonRow => ({
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    entity_id: p.entityId,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  });

  return {
    entities: () => entities.all(),
    entity: (id: string) => entity.get(id),
    insertEntity: (e: { id: string; name: string; now: string }) => insertEntity.run(e),
    renameEntity: (e: { id: string; name: string; now: string }) => renameEntity.run(e),
    deleteEntity: (id: string) => deleteEntity.run(id).changes > 0,
    people: () => people.all().map(toPerson),
    person: (id: string) => {
      const row = person.get(id);
      return row && toPerson(row);
    },
    insertPerson: (p: Person) => insertPerson.run(personToRow(p)),
    updatePerson: (p: Person) => updatePerson.run(personToRow(p)),
    deletePerson: (id: string) => deletePerson.run(id).changes > 0,
    members: (projectId: string): Member[] =>
      members.all(projectId).map((r) => ({ projectId, person: toPerson(r), role: r.member_role as Member['role'] })),
    setMember: (m: { projectId: string; personId: string; role: string; now: string }) => upsertMember.run(m),
    removeMember: (projectId: string, personId: string) => removeMember.run(projectId, personId).changes > 0,
  };
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
