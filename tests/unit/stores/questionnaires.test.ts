// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { additionOf, canAdd } from '../../../src/questionnaire/adding.ts';
import { offeredFirst } from '../../../src/questionnaire/catalog.ts';
import { readQuestionnaireFile } from '../../../src/questionnaire/readFile.ts';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import { summaryOf } from '../../../src/questionnaire/summary.ts';
import { loadAnswers } from '../../../src/storage/index.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';
import { adoptCarried, carriedFor } from '../../../src/stores/carriedQuestionnaire.ts';
import { useQuestionnairesStore } from '../../../src/stores/questionnaires.ts';

beforeEach(() => {
  setActivePinia(createPinia());
});

// happy-dom gives no file URL to resolve from: the tests run from the repository root.
const text = readFileSync(join('tests', 'fixtures', 'questionnaires', 'national-check.json'), 'utf8');
const registry = JSON.parse(readFileSync(join('questionnaires', 'reference', 'clauses.json'), 'utf8')) as {
  clauses: { id: string }[];
};
const loadClauseIds = () => new Set(registry.clauses.map((clause) => clause.id));
const chosen = (name: string, content: string) => ({ name, text: () => Promise.resolve(content) });

async function read(content = text, name = 'national-check.json'): Promise<Questionnaire> {
  const parsed = await readQuestionnaireFile(chosen(name, content), loadClauseIds());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const record = (questionnaire: Questionnaire, fileName = 'national-check.json') => ({
  id: questionnaire.id,
  questionnaire,
  summary: summaryOf(questionnaire),
  fileName,
  addedAt: '2026-03-01T10:00:00.000Z',
});

const withVersion = (questionnaire: Questionnaire, version: string): Questionnaire => ({
  ...questionnaire,
  version,
});

describe('reading a questionnaire file in the app', () => {
  it('gives the located problems of `npm run validate`, with the file name', async () => {
    const broken = JSON.parse(text) as Record<string, unknown>;
    broken.version = 'one';
    const parsed = await readQuestionnaireFile(chosen('mine.json', JSON.stringify(broken)), loadClauseIds());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error[0]).toMatchObject({
      file: 'mine.json',
      path: '$.version',
      code: 'expected.version',
    });
  });

  it('refuses a file that is not JSON, saying where', async () => {
    const parsed = await readQuestionnaireFile(chosen('mine.json', '{ "format": 1,'), loadClauseIds());
    expect(parsed.ok).toBe(false);
  });
});

describe('what adding would do', () => {
  it('tells a new questionnaire, a new version, the same file, a changed file, an older one and a built-in id', async () => {
    const q = await read();
    expect(additionOf(q, { builtIn: false })).toEqual({ kind: 'new' });
    expect(additionOf(withVersion(q, '1.1.0'), { builtIn: false, current: q })).toEqual({
      kind: 'newVersion',
      current: '1.0.0',
    });
    expect(additionOf(q, { builtIn: false, current: JSON.parse(text) as Questionnaire })).toEqual({
      kind: 'sameFile',
    });
    const changed = { ...q, title: { en: 'Changed' } };
    expect(additionOf(changed, { builtIn: false, current: q })).toEqual({ kind: 'sameVersionChanged' });
    expect(additionOf(q, { builtIn: false, current: withVersion(q, '1.0.10') })).toEqual({
      kind: 'older',
      current: '1.0.10',
    });
    expect(additionOf({ ...q, id: 'sample' }, { builtIn: true })).toEqual({ kind: 'builtIn' });
    expect(
      (['new', 'newVersion', 'sameFile', 'sameVersionChanged', 'older', 'builtIn'] as const).filter((kind) =>
        canAdd(kind === 'newVersion' || kind === 'older' ? { kind, current: '1.0.0' } : { kind }),
      ),
    ).toEqual(['new', 'newVersion']);
  });
});

describe('questionnaires added on this device', () => {
  it('are listed beside the built-in ones, after those with a catalog entry, and never offered first', async () => {
    const store = useQuestionnairesStore();
    await store.add(record(await read()));
    const ids = store.catalog.map((entry) => entry.id);
    expect(ids.at(-1)).toBe('national-check');
    expect(store.summary('national-check')).toMatchObject({ version: '1.0.0', added: true });
    expect(store.summary('sample')?.added).toBeUndefined();
    expect(offeredFirst(store.catalog)?.id).toBe('resolution-130');
  });

  it('are kept in IndexedDB: a new page lists and loads them', async () => {
    await useQuestionnairesStore().add(record(await read()));
    setActivePinia(createPinia());
    const fresh = useQuestionnairesStore();
    expect(fresh.summary('national-check')).toBeUndefined();
    expect((await fresh.load('national-check'))?.id).toBe('national-check');
    expect(fresh.summary('national-check')?.version).toBe('1.0.0');
  });

  it('cannot take the id of a built-in questionnaire', async () => {
    const q = { ...(await read()), id: 'sample' };
    await expect(useQuestionnairesStore().add(record(q))).rejects.toThrow(/built-in/);
  });

  it('run an assessment; a new version keeps its answers; removing and adding back restores it', async () => {
    const store = useQuestionnairesStore();
    const q = await read();
    await store.add(record(q));
    const assessments = useAssessmentsStore();
    const { id } = await assessments.create('Added', 'national-check');
    const assessment = useAssessmentStore();
    await assessment.open(id);
    expect(assessment.loadState).toBe('ready');
    assessment.setResponse('strategy.exists', { kind: 'value', value: 'yes' });
    await assessment.flush();

    await store.add(record(withVersion(q, '1.1.0')));
    expect(store.summary('national-check')?.version).toBe('1.1.0');
    expect((await store.load('national-check'))?.version).toBe('1.1.0');
    expect((await loadAnswers(id))['strategy.exists']?.response).toEqual({ kind: 'value', value: 'yes' });

    const removed = await store.remove('national-check');
    expect(store.summary('national-check')).toBeUndefined();
    expect(await store.load('national-check')).toBeUndefined();
    await store.add(removed!);
    expect((await store.load('national-check'))?.version).toBe('1.1.0');
  });
});

describe('a questionnaire a workshop carries to a participant’s device', () => {
  it('is kept only once it passes the validator on this device', async () => {
    const store = useQuestionnairesStore();
    const carried = JSON.parse(text) as Record<string, unknown>;

    const broken = { ...carried, version: 'one' };
    const refused = await adoptCarried(store, broken, 'workshop.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]).toMatchObject({ file: 'workshop.json', path: '$.version' });
    await store.ensureAdded();
    expect(store.added).toEqual([]);

    const adopted = await adoptCarried(store, carried, 'workshop.json');
    expect(adopted).toMatchObject({ ok: true, addition: { kind: 'new' } });
    expect(store.added.map((entry) => [entry.id, entry.fileName])).toEqual([
      ['national-check', 'workshop.json'],
    ]);
    expect(store.summary('national-check')?.version).toBe('1.0.0');
    // The same file from a second workshop changes nothing.
    expect(await adoptCarried(store, carried, 'again.json')).toMatchObject({
      ok: true,
      addition: { kind: 'sameFile' },
    });
    expect(store.added[0]!.fileName).toBe('workshop.json');
    // An older version is not put in place of the one kept.
    await store.add(record(withVersion(await read(), '2.0.0')));
    expect(await adoptCarried(store, carried, 'old.json')).toMatchObject({
      ok: false,
      error: [],
      addition: { kind: 'older', current: '2.0.0' },
    });
    expect(store.summary('national-check')?.version).toBe('2.0.0');
    // A built-in id is never replaced.
    const sample = { ...carried, id: 'sample' };
    expect(await adoptCarried(store, sample, 'sample.json')).toMatchObject({
      ok: false,
      addition: { kind: 'builtIn' },
    });
  });

  it('is carried from the facilitator’s device only when it is an added one', async () => {
    const store = useQuestionnairesStore();
    await store.add(record(await read()));
    expect((await carriedFor(store, 'national-check'))?.id).toBe('national-check');
    expect(await carriedFor(store, 'sample')).toBeUndefined();
  });
});
