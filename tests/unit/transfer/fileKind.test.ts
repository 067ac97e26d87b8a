import { describe, expect, it } from 'vitest';
import { fileKind, misplacedKind } from '../../../src/transfer/fileKind.ts';
import sample from '../../../questionnaires/sample.json';
import equal from '../../../questionnaires/weights/equal.json';
import { payloadFor, workshop } from '../workshop/fixtures.ts';
import { answers, value } from '../builders.ts';

describe('what a file is', () => {
  it('is told by its format marks', () => {
    const { setup } = workshop();
    expect(fileKind({ format: 'baseline.assessment', formatVersion: 1 })).toBe('assessment');
    expect(fileKind({ format: 'baseline.backup' })).toBe('backup');
    expect(fileKind({ format: 'baseline.encrypted' })).toBe('encrypted');
    expect(fileKind(setup)).toBe('workshopSetup');
    expect(fileKind(payloadFor(setup, answers({ exists: value('yes') })))).toBe('workshopAnswers');
    expect(fileKind(equal)).toBe('weightProfile');
    expect(fileKind(sample)).toBe('questionnaire');
  });

  it('is unknown for anything else', () => {
    expect(fileKind({ format: 'something' })).toBeUndefined();
    expect(fileKind(['baseline.assessment'])).toBeUndefined();
    expect(fileKind(null)).toBeUndefined();
    expect(fileKind({ format: 'toString' })).toBeUndefined();
  });

  it('is named only when it belongs somewhere else', () => {
    const data = { format: 'baseline.assessment' };
    expect(misplacedKind(data, ['workshopAnswers'])).toBe('assessment');
    expect(misplacedKind(data, ['assessment', 'backup'])).toBeUndefined();
    expect(misplacedKind({ hello: 1 }, ['workshopAnswers'])).toBeUndefined();
  });
});
