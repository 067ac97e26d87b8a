import { describe, expect, it } from 'vitest';
import { defaultChoice, importWrites, type ImportChoice } from '../../../src/transfer/plan.ts';
import type { ImportCandidate } from '../../../src/transfer/import.ts';
import { answers, assessment } from './data.ts';

const candidate: ImportCandidate = { path: '$', assessment, answers, dropped: [], sharing: false };
const copyName = (name: string) => `${name} (imported)`;
const written = (choice: ImportChoice) => importWrites([candidate], [choice], copyName);

describe('what an import writes', () => {
  it('adds an assessment the device does not have as it is: its name, and the id that ties it to its copies', () => {
    expect(defaultChoice(candidate, undefined)).toBe('new');
    expect(written('new')).toEqual([{ assessment, answers, replaces: false }]);
  });

  it('puts a replacement under the same id, the one there going to the trash', () => {
    expect(written('replace')).toEqual([{ assessment, answers, replaces: true }]);
  });

  it('adds a copy beside the one there under a new id and a name that says so', () => {
    const [copy] = written('copy');
    expect(copy!.assessment.id).not.toBe(assessment.id);
    expect(copy!.assessment.name).toBe(`${assessment.name} (imported)`);
    expect(copy!.answers).toBe(answers);
    expect(copy!.replaces).toBe(false);
  });

  it('writes nothing for an assessment left out', () => {
    expect(written('skip')).toEqual([]);
  });
});
