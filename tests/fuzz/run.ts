/**
 * `npm run fuzz [-- <inputs per path> [<seed>]]`: the long run of the fuzz suite, 10,000
 * generated inputs per way data comes in unless told otherwise. Prints one line per path and
 * fails (exit 1) on any uncaught exception, stored change after a refusal, or accepted input
 * that is invalid, printing the first inputs that did it.
 */
import { fuzz, PATHS } from './paths.ts';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
console.log(`fuzz: ${count} inputs per path, seed ${seed}`);
let failed = false;
for (const path of PATHS) {
  const started = performance.now();
  const tally = await fuzz(path, count, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${tally.path}: ${tally.inputs} inputs (${tally.accepted} accepted, ${tally.refused} refused) — uncaught ${tally.uncaught}, stored after refusal ${tally.storedAfterRefusal}, accepted but invalid ${tally.acceptedInvalid} — ${seconds} s`,
  );
  for (const failure of tally.failures)
    console.log(`  ${failure.kind}: ${failure.error}\n    ${failure.input}`);
  if (tally.uncaught + tally.storedAfterRefusal + tally.acceptedInvalid > 0) failed = true;
}
process.exit(failed ? 1 : 0);
