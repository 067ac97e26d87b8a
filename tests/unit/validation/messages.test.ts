import { describe, expect, it } from 'vitest';
import { englishMessage, knownExplanation, placeholders } from '../../../src/validation/messages.ts';

describe('problem messages', () => {
  it('fill their placeholders in English, terms included', () => {
    expect(englishMessage('schema.type', { expected: { term: 'text' }, found: { term: 'array' } })).toBe(
      'expected a text, found a list',
    );
    expect(placeholders('expected {number} from {minimum} to {maximum}')).toEqual([
      'maximum',
      'minimum',
      'number',
    ]);
  });

  it('keep a code from a server only when this app can word it', () => {
    const known = { message: 'the checksum does not match…', code: 'answers.checksum', params: {} };
    expect(knownExplanation(known)).toEqual(known);
    expect(knownExplanation({ message: 'new in a later version', code: 'answers.fromTheFuture' })).toEqual({
      message: 'new in a later version',
    });
    const unknownTerm = { message: 'm', code: 'schema.type', params: { expected: { term: 'hologram' } } };
    expect(knownExplanation(unknownTerm)).toEqual({ message: 'm' });
    expect(knownExplanation({ message: 'm', code: 'within' })).toEqual({ message: 'm' });
  });
});
