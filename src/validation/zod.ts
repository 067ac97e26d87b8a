/**
 * Zod, set to run without eval. Every schema in the app imports `z` from here, never from
 * 'zod' directly (a lint rule says so).
 *
 * Zod compiles fast parsers with `new Function` when it may, and decides so when each object
 * schema is built. Under the app's Content-Security-Policy (no 'unsafe-eval') that probe is
 * refused and reported as a violation, even though Zod then works without it. Setting the
 * option here, in the module every schema module depends on, guarantees it is set before any
 * schema is built, however the bundler splits and orders the chunks.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
