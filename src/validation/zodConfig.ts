/**
 * Zod compiles fast parsers with `new Function` when it may, and probes for that ability when
 * the first object schema is built. Under the app's Content-Security-Policy (no 'unsafe-eval')
 * the probe is refused and reported as a violation, even though Zod then works without it.
 * Telling Zod up front to run without eval avoids both. Imported first in `main.ts`, before any
 * schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
