/**
 * Reads a file someone brings, and decides what it would add, without writing anything. Every
 * refusal is a located `Problem` in plain words. The order of checks is the order of cost: size,
 * text, JSON, limits (the structural guard: nesting, width, hostile keys, long or broken texts), format, schema, then the answers
 * against the built-in questionnaire. Only a file that passes all of them yields candidates,
 * and only the caller, after a person has seen the preview and chosen, writes them.
 */
import type { Answer, Assessment } from '../assessment/types.ts';
import { accepts, answerType, choiceValues, numericRange } from '../questionnaire/answerTypes.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { carryAnswers } from '../questionnaire/carryOver.ts';
import { compareVersions } from '../questionnaire/versions.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import { quotedList, type ProblemCode, type ProblemParams } from '../validation/messages.ts';
import { readJsonBytes } from '../validation/guard.ts';
import { parseWithSchema } from '../validation/parse.ts';
import { jsonPath, problem, type PathSegment, type Problem } from '../validation/problems.ts';
import { decrypt, encryptionAvailable, WrongPassphraseError } from './crypto.ts';
import {
  ASSESSMENT_FORMAT,
  assessmentFileSchema,
  BACKUP_FORMAT,
  backupFileSchema,
  ENCRYPTED_FORMAT,
  encryptedFileSchema,
  FILE_VERSION,
  type BackupEntry,
} from './formats.ts';
import { IMPORT_LIMITS } from './limits.ts';

export interface ImportContext {
  /** The built-in questionnaire with this id, or undefined. */
  loadQuestionnaire: (id: string) => Promise<Questionnaire | undefined>;
  /** For an encrypted file. */
  passphrase?: string;
  /** The clock, for the time answers from an earlier version are carried over (tests set it). */
  now?: () => Date;
}

export interface DroppedAnswer {
  questionId: string;
  /** `removed`: the questionnaire no longer has the question; `notAccepted`: the answer is no longer one of its choices. */
  reason: 'removed' | 'notAccepted';
}

export interface ImportCandidate {
  /** Where the assessment is in the file: `$` for a single assessment, `$.assessments[2]` in a backup. */
  path: string;
  /** As in the file, made against the questionnaire version built into this app. */
  assessment: Assessment;
  answers: Answer[];
  /** Answers (or just their responses) that could not be carried over to the current version. */
  dropped: DroppedAnswer[];
  /** The questionnaire version the file was made with, when it differs from this app's. */
  migratedFrom?: string;
  /** The file is a sharing export (restricted comments, evidence and names left out). */
  sharing: boolean;
}

export type ImportRead =
  | {
      status: 'ready';
      format: typeof ASSESSMENT_FORMAT | typeof BACKUP_FORMAT;
      encrypted: boolean;
      candidates: ImportCandidate[];
    }
  /** Encrypted: read again with a passphrase. */
  | { status: 'locked'; contains: string }
  | { status: 'refused'; problems: Problem[] };

const refused = (problems: Problem[]): ImportRead => ({ status: 'refused', problems });

export async function readImport(
  bytes: Uint8Array,
  file: string,
  context: ImportContext,
): Promise<ImportRead> {
  const read = readJsonBytes(bytes, file, IMPORT_LIMITS);
  if (!read.ok) return refused(read.error);
  const data = read.value;

  const header = formatOf(data, file);
  if ('problem' in header) return refused([header.problem]);
  if (header.format === ENCRYPTED_FORMAT) return readEncrypted(data, file, context);
  return readPlain(data, header.format, file, context, false);
}

function formatOf(data: unknown, file: string): { format: string } | { problem: Problem } {
  const known = [ASSESSMENT_FORMAT, BACKUP_FORMAT, ENCRYPTED_FORMAT];
  const format = isObject(data) ? data.format : undefined;
  if (typeof format !== 'string' || !known.includes(format)) {
    const path = isObject(data) && 'format' in data ? '$.format' : '$';
    return { problem: problem(file, path, 'import.notBaseline', { formats: quotedList(known) }) };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FILE_VERSION) {
    return {
      problem: problem(file, '$.version', 'import.newerFile', { version, supported: FILE_VERSION }),
    };
  }
  return { format };
}

async function readEncrypted(data: unknown, file: string, context: ImportContext): Promise<ImportRead> {
  const parsed = parseWithSchema(encryptedFileSchema, data, file);
  if (!parsed.ok) return refused(parsed.error);
  if (!encryptionAvailable()) {
    return refused([problem(file, '$', 'import.cannotDecrypt')]);
  }
  if (context.passphrase === undefined) return { status: 'locked', contains: parsed.value.contains };
  let inner: Uint8Array;
  try {
    inner = await decrypt(parsed.value, context.passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      return refused([problem(file, '$.data', 'import.wrongPassphrase')]);
    }
    throw error;
  }
  const content = readJsonBytes(inner, file, IMPORT_LIMITS);
  if (!content.ok) {
    // Text that is not JSON inside is not a Baseline file; JSON that breaks a limit says which.
    const [first] = content.error;
    const broken = first?.code === 'file.notText' || first?.code === 'file.notJson';
    return refused(broken ? [problem(file, '$.data', 'import.notBaselineInside')] : content.error);
  }
  const header = formatOf(content.value, file);
  if ('problem' in header) return refused([header.problem]);
  if (header.format !== parsed.value.contains) {
    return refused([problem(file, '$.contains', 'import.containsMismatch')]);
  }
  return readPlain(content.value, parsed.value.contains, file, context, true);
}

async function readPlain(
  data: unknown,
  format: string,
  file: string,
  context: ImportContext,
  encrypted: boolean,
): Promise<ImportRead> {
  let entries: { entry: BackupEntry; path: PathSegment[]; sharing: boolean }[];
  let kind: typeof ASSESSMENT_FORMAT | typeof BACKUP_FORMAT;
  if (format === ASSESSMENT_FORMAT) {
    const parsed = parseWithSchema(assessmentFileSchema, data, file);
    if (!parsed.ok) return refused(parsed.error);
    kind = ASSESSMENT_FORMAT;
    entries = [{ entry: parsed.value, path: [], sharing: parsed.value.sharing }];
  } else {
    const parsed = parseWithSchema(backupFileSchema, data, file);
    if (!parsed.ok) return refused(parsed.error);
    kind = BACKUP_FORMAT;
    entries = parsed.value.assessments.map((entry, index) => ({
      entry,
      path: ['assessments', index],
      sharing: false,
    }));
    const duplicate = duplicateIndex(parsed.value.assessments.map(({ assessment }) => assessment.id));
    if (duplicate !== undefined) {
      return refused([
        problem(file, jsonPath(['assessments', duplicate, 'assessment', 'id']), 'import.duplicateId'),
      ]);
    }
  }
  const problems: Problem[] = [];
  const candidates: ImportCandidate[] = [];
  for (const { entry, path, sharing } of entries) {
    const result = await carryOver(entry, path, file, context);
    if ('problems' in result) problems.push(...result.problems);
    else candidates.push({ ...result.candidate, sharing });
  }
  return problems.length > 0 ? refused(problems) : { status: 'ready', format: kind, encrypted, candidates };
}

/**
 * Takes the answers over to the questionnaire built into this app, matching questions by id.
 * The same version must match exactly (anything else means the file is damaged); an older
 * version keeps what still fits and lists the rest; a newer version is refused.
 */
async function carryOver(
  entry: BackupEntry,
  path: PathSegment[],
  file: string,
  context: ImportContext,
): Promise<{ candidate: Omit<ImportCandidate, 'sharing'> } | { problems: Problem[] }> {
  const at = (...segments: PathSegment[]) => jsonPath([...path, ...segments]);
  const ref = entry.assessment.questionnaire;
  const questionnaire = await context.loadQuestionnaire(ref.id);
  if (!questionnaire) {
    return {
      problems: [
        problem(file, at('assessment', 'questionnaire', 'id'), 'import.unknownQuestionnaire', {
          questionnaire: ref.id,
        }),
      ],
    };
  }
  const order = compareVersions(ref.version, questionnaire.version);
  if (order > 0) {
    return {
      problems: [
        problem(file, at('assessment', 'questionnaire', 'version'), 'import.newerQuestionnaire', {
          questionnaire: ref.id,
          version: ref.version,
          current: questionnaire.version,
        }),
      ],
    };
  }
  const twice = answeredTwice(entry.answers, file, at);
  if (twice.length > 0) return { problems: twice };
  if (order < 0)
    return { candidate: carriedCandidate(entry, path, questionnaire, context.now?.() ?? new Date()) };

  const questions = new Map(questionsInOrder(questionnaire).map(({ question }) => [question.id, question]));
  const problems: Problem[] = [];
  entry.answers.forEach((answer, index) => {
    const question = questions.get(answer.questionId);
    if (!question) {
      problems.push(
        problem(file, at('answers', index, 'questionId'), 'import.noSuchQuestion', {
          questionnaire: ref.id,
          version: questionnaire.version,
          question: answer.questionId,
        }),
      );
      return;
    }
    const response = answer.response;
    if (response?.kind === 'value' && !accepts(question, response.value)) {
      const { code, params } = expectedAnswer(question);
      problems.push(
        problem(file, at('answers', index, 'response', 'value'), code, { question: question.id, ...params }),
      );
    }
  });
  if (problems.length > 0) return { problems };
  return {
    candidate: {
      path: jsonPath(path),
      assessment: { ...entry.assessment, questionnaire: { id: ref.id, version: questionnaire.version } },
      answers: entry.answers,
      dropped: [],
    },
  };
}

function answeredTwice(
  answers: readonly Answer[],
  file: string,
  at: (...segments: PathSegment[]) => string,
): Problem[] {
  const seen = new Set<string>();
  return answers.flatMap((answer, index) => {
    if (!seen.has(answer.questionId)) {
      seen.add(answer.questionId);
      return [];
    }
    return [
      problem(file, at('answers', index, 'questionId'), 'import.answeredTwice', {
        question: answer.questionId,
      }),
    ];
  });
}

/**
 * Answers made with an earlier version, carried over as the questionnaire's rules say (see
 * src/questionnaire/carryOver.ts): what cannot be carried is listed in the preview and kept
 * whole with the assessment, so nothing in the file is lost.
 */
function carriedCandidate(
  entry: BackupEntry,
  path: PathSegment[],
  questionnaire: Questionnaire,
  now: Date,
): Omit<ImportCandidate, 'sharing'> {
  const version = entry.assessment.questionnaire.version;
  const { answers, report } = carryAnswers(questionnaire, version, entry.answers);
  const ids = new Set(questionsInOrder(questionnaire).map(({ question }) => question.id));
  return {
    path: jsonPath(path),
    assessment: {
      ...entry.assessment,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      carriedOver: { ...report, at: now.toISOString() },
    },
    answers,
    dropped: report.listed.map((answer) => ({
      questionId: answer.questionId,
      reason: ids.has(answer.questionId) ? 'notAccepted' : 'removed',
    })),
    migratedFrom: version,
  };
}

/** What the question accepts, for the message refusing an answer it does not. */
function expectedAnswer(question: Question): { code: ProblemCode; params?: ProblemParams } {
  const kind = answerType(question).value;
  const choices = choiceValues(question) ?? [];
  if (kind === 'choices') return { code: 'import.notListOf', params: { choices: quotedList(choices) } };
  if (kind === 'choice') return { code: 'import.notOneOf', params: { choices: quotedList(choices) } };
  if (kind === 'text') return { code: 'import.notText' };
  const { min, max, integer } = numericRange(question);
  const number = { term: integer ? 'wholeNumber' : 'number' } as const;
  if (min !== undefined && max !== undefined)
    return { code: 'import.notNumberBetween', params: { number, minimum: min, maximum: max } };
  if (min !== undefined) return { code: 'import.notNumberAtLeast', params: { number, minimum: min } };
  if (max !== undefined) return { code: 'import.notNumberAtMost', params: { number, maximum: max } };
  return { code: 'import.notNumber', params: { number } };
}

function duplicateIndex(ids: string[]): number | undefined {
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) return index;
    seen.add(id);
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
