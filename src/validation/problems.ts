import type { Result } from './result.ts';
import { englishMessage, type Explained, type ProblemCode, type ProblemParams } from './messages.ts';

/**
 * A problem found in a file read from outside, located precisely enough that a person can
 * open the file and fix it: the file, the JSON path inside it, and what was expected.
 */
export interface Problem extends Explained {
  file: string;
  /** JSON path such as `$.pillars[0].questions[2].levels`. */
  path: string;
}

/** What reading a file from outside gives: its checked value, or the problems found in it. */
export type Parsed<T> = Result<T, Problem[]>;

/** A problem placed by its path alone, where the file is known from elsewhere (a request's body). */
export type LocatedProblem = Omit<Problem, 'file'>;

/** An English message with the id of the item it is in, when there is one: `… (in "strategy.exists")`. */
export function withinMessage(message: string, within: string | undefined): string {
  return within === undefined ? message : englishMessage('within', { message, id: within });
}

/** A problem with its English message written from its code. */
export function problem(
  file: string,
  path: string,
  code: ProblemCode,
  params: ProblemParams = {},
  within?: string,
): Problem {
  return {
    file,
    path,
    code,
    params,
    message: withinMessage(englishMessage(code, params), within),
    ...(within === undefined ? {} : { within }),
  };
}

export type PathSegment = string | number | symbol;

/** `['pillars', 0, 'title']` → `$.pillars[0].title`. */
export function jsonPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const key = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
  }, '$');
}

/**
 * Names the nearest enclosing item that has an `id`, so a message about
 * `$.pillars[2].questions[7].levels` also says which question that is.
 */
export function enclosingId(data: unknown, segments: readonly PathSegment[]): string | undefined {
  let node: unknown = data;
  let found: string | undefined;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[segment];
    if (node !== null && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') {
      found = (node as { id: string }).id;
    }
  }
  return found;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ProblemsError';
  }
}
