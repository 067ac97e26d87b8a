import { describe, expect, it } from 'vitest';
import { defaultChoice, importWrites, newerOfEach, type ImportChoice } from '../../../src/transfer/plan.ts';
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

describe('bringing a file’s newer answers into the assessment here', () => {
  const earlier = '2026-02-01T09:00:00.000Z';
  const later = '2026-02-03T09:00:00.000Z';
  const value = (questionId: string, response: string, updatedAt: string) => ({
    questionId,
    response: { kind: 'value' as const, value: response },
    updatedAt,
  });
  // The same assessment on two devices, both changed after they parted.
  const here = {
    assessment: { ...assessment, name: 'Renamed here', updatedAt: earlier },
    answers: {
      'strategy.exists': value('strategy.exists', 'no', earlier),
      'cirt.exists': value('cirt.exists', 'yes', later),
      'skills.plan': value('skills.plan', 'yes', earlier),
    },
  };
  const file: ImportCandidate = {
    ...candidate,
    assessment: { ...assessment, updatedAt: later },
    answers: [
      value('strategy.exists', 'partly', later),
      value('cirt.exists', 'no', earlier),
      value('skills.plan', 'yes', later),
      value('smes.programme', 'no', earlier),
    ],
  };

  it('takes each question’s later answer, counts what comes from the file and what stays, and keeps the id', () => {
    const update = newerOfEach(file, here)!;
    expect(update.fromFile).toBe(2);
    expect(update.keptHere).toBe(1);
    const byQuestion = Object.fromEntries(
      update.answers.map((answer) => [answer.questionId, answer.response]),
    );
    expect(byQuestion).toEqual({
      'strategy.exists': { kind: 'value', value: 'partly' },
      'cirt.exists': { kind: 'value', value: 'yes' },
      'skills.plan': { kind: 'value', value: 'yes' },
      'smes.programme': { kind: 'value', value: 'no' },
    });
    // The details come from the copy changed last: here, the file's.
    expect(update.assessment).toEqual({ ...assessment, updatedAt: later });
  });

  it('writes the result in place of the one here, which goes to the trash', () => {
    const [write] = importWrites([file], ['update'], copyName, [here]);
    expect(write!.replaces).toBe(true);
    expect(write!.assessment.id).toBe(assessment.id);
    expect(write!.answers).toHaveLength(4);
  });

  it('is not offered for a sharing export, whose answers lack the restricted comments and evidence kept here', () => {
    expect(newerOfEach({ ...file, sharing: true }, here)).toBeUndefined();
  });

  it('is not offered between two versions of the questionnaire, whose answers cannot be set side by side', () => {
    const older = {
      ...here,
      assessment: { ...here.assessment, questionnaire: { id: 'sample', version: '0.9.0' } },
    };
    expect(newerOfEach(file, older)).toBeUndefined();
    expect(() => importWrites([file], ['update'], copyName, [older])).toThrow();
  });
});
