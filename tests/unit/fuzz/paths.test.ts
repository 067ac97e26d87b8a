/**
 * A seeded share of the fuzz suite (`tests/fuzz/paths.ts`; `npm run fuzz` runs 10,000 inputs per
 * path): every way data comes in gets generated hostile input and must refuse it without
 * throwing, and accept nothing that breaks its format. Set FUZZ_SEED to try other seeds.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, PATHS } from '../../fuzz/paths.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const PER_PATH = 300;

describe('generated hostile input on every way data comes in', () => {
  it.each(PATHS.map((path) => [path.name, path] as const))(
    '%s',
    async (_name, path) => {
      const tally = await fuzz(path, PER_PATH, SEED);
      expect(tally.failures).toEqual([]);
      expect(tally).toMatchObject({
        inputs: PER_PATH,
        uncaught: 0,
        acceptedInvalid: 0,
        storedAfterRefusal: 0,
      });
      // The generator must reach past the first checks: some inputs are refused, and the valid
      // documents it starts from are not all broken beyond use.
      expect(tally.refused).toBeGreaterThan(0);
    },
    120_000,
  );
});
