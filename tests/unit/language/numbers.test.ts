import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from '../../../src/language/numbers.ts';

describe('numbers as people type them', () => {
  it('reads plain figures, with a point or a comma as the decimal separator', () => {
    expect(parseTypedNumber('3')).toBe(3);
    expect(parseTypedNumber(' 2.5 ')).toBe(2.5);
    expect(parseTypedNumber('2,5')).toBe(2.5);
    expect(parseTypedNumber('.5')).toBe(0.5);
    expect(parseTypedNumber('7.')).toBe(7);
    expect(parseTypedNumber('-2')).toBe(-2);
    expect(parseTypedNumber('−2')).toBe(-2);
  });

  it('reads the digits, separators and spaces of the interface languages', () => {
    expect(parseTypedNumber('١٫٥')).toBe(1.5);
    expect(parseTypedNumber('٧٥')).toBe(75);
    expect(parseTypedNumber('۲۵')).toBe(25);
    expect(parseTypedNumber('1\u202f000')).toBe(1000);
    expect(parseTypedNumber('12 500,5')).toBe(12500.5);
  });

  it('is not a number while it is empty, a lone sign, or anything else', () => {
    for (const typed of ['', ' ', '-', '+', '.', '1.2.3', '1,2,3', '12a', 'e5', '1e5', 'Infinity', 'NaN'])
      expect(parseTypedNumber(typed), typed).toBeUndefined();
  });
});
