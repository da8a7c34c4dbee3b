/**
 * Uzbek oʻ and gʻ are stored with U+02BB whichever apostrophe was typed, by every service that saves
 * names and prose, while English possessives and names such as O'Brien stay as typed.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { GateDecision } from '../../electron/shared/domain/gates';
import type { Person } from '../../electron/shared/domain/people';
import type { Project } from '../../electron/shared/domain/project';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

it('stores oʻ and gʻ with U+02BB in entities, people, gate decisions and criteria, and leaves English as typed', async () => {
  const entity = await value<{ id: string; name: string }>('entities.create', { name: "O'zbekiston Respublikasi Sog'liqni saqlash vazirligi" });
  expect(entity.name).toBe('Oʻzbekiston Respublikasi Sogʻliqni saqlash vazirligi');
  expect((await value<{ name: string }>('entities.update', { id: entity.id, name: "Hong Kong's O'Brien Agency" })).name).toBe("Hong Kong's O'Brien Agency");

  const person = await value<Person>('people.create', { name: "G'ulom O`ktamov", role: 'cio' });
  expect(person.name).toBe('Gʻulom Oʻktamov');
  expect((await value<Person>('people.update', { id: person.id, patch: { name: "Sean O'Brien" } })).name).toBe("Sean O'Brien");

  const project = await value<Project>('projects.create', { title: "The lab's first project" });
  expect(project.title).toBe("The lab's first project");
  const { decision } = await value<{ decision: GateDecision }>('gates.decide', {
    projectId: project.id,
    decision: 'advance',
    rationale: "Muammo to'g'ri aniqlangan; the sponsor's letter is attached.",
    decidedByName: "G'ulom O'ktamov",
  });
  expect(decision).toMatchObject({ rationale: "Muammo toʻgʻri aniqlangan; the sponsor's letter is attached.", decidedByName: 'Gʻulom Oʻktamov' });

  const criterion = await value<{ id: string; label: string }>('gates.addCriterion', { stage: 1, label: "Muammo bo'yicha ma'lumot bor" });
  // Only oʻ and gʻ: the apostrophe of ma'lumot (the tutuq belgisi) stays as typed.
  expect(criterion.label).toBe("Muammo boʻyicha ma'lumot bor");
  expect((await value<{ label: string }>('gates.updateCriterion', { id: criterion.id, label: "Yo'l xaritasi" })).label).toBe('Yoʻl xaritasi');
});
