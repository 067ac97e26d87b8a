/**
 * Named expectations for schemas: `z.string().regex(pattern, expected('expected.version'))`.
 * Zod carries only a message string on an issue, so the English message is remembered here
 * with its code, and `parseWithSchema` turns it back into the code the interface translates.
 */
import { englishMessage, type ProblemCode, type ProblemParams } from './messages.ts';

type ExpectedCode = Extract<ProblemCode, `expected.${string}`>;

const known = new Map<string, { code: ProblemCode; params: ProblemParams }>();

export function expected(code: ExpectedCode, params: ProblemParams = {}): string {
  const message = englishMessage(code, params);
  known.set(message, { code, params });
  return message;
}

export function expectationOf(message: string): { code: ProblemCode; params: ProblemParams } | undefined {
  return known.get(message);
}
