import { defineStore } from 'pinia';
import type { Answer } from '../assessment/types.ts';
import { scoreAssessment } from '../scoring/index.ts';
import {
  announce,
  getAssessment,
  listAssessments,
  loadAllAnswers,
  loadAnswers,
  storeImport,
} from '../storage/index.ts';
import {
  answersCsv,
  assessmentFile,
  backupFile,
  defaultChoice,
  encrypt,
  fileName,
  forSharing,
  importWrites,
  pillarsCsv,
  readImport,
  type CsvText,
  type EncryptedFile,
  type Existing,
  type ImportCandidate,
  type ImportChoice,
  type ImportRead,
} from '../transfer/index.ts';
import { useAssessmentsStore } from './assessments.ts';
import { useQuestionnairesStore } from './questionnaires.ts';

export interface OutgoingFile {
  name: string;
  text: string;
  type: string;
}

export type ImportPreview = ImportRead & {
  /** For each candidate of a ready file: the assessment with the same id on this device, if any. */
  existing?: (Existing | undefined)[];
  /** What to do with each candidate, to begin with. */
  choices?: ImportChoice[];
};

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv;charset=utf-8';

/** Export files and import previews: reads storage, calls the transfer core, writes imports. */
export const useTransferStore = defineStore('transfer', () => {
  const questionnaires = useQuestionnairesStore();
  const list = useAssessmentsStore();

  async function sealed(
    text: string,
    contains: EncryptedFile['contains'],
    passphrase?: string,
  ): Promise<string> {
    if (!passphrase) return text;
    return `${JSON.stringify(await encrypt(text, passphrase, contains), null, 2)}\n`;
  }

  /** One assessment as a JSON file; a sharing export leaves out what is restricted and names. */
  async function exportAssessment(
    id: string,
    { sharing, passphrase }: { sharing: boolean; passphrase?: string },
  ): Promise<OutgoingFile> {
    const assessment = await getAssessment(id);
    if (!assessment) throw new Error(`No assessment with id "${id}"`);
    const now = new Date();
    const file = assessmentFile(assessment, Object.values(await loadAnswers(id)), { sharing, now });
    const text = await sealed(`${JSON.stringify(file, null, 2)}\n`, file.format, passphrase);
    const suffix = [sharing ? 'sharing' : '', passphrase ? 'encrypted' : ''].filter(Boolean).join('-');
    return { name: fileName(assessment.name, suffix, 'json', now), text, type: JSON_TYPE };
  }

  /** Every assessment on the device, with all answers, as one file. */
  async function exportBackup({ passphrase }: { passphrase?: string }): Promise<OutgoingFile> {
    const [assessments, answers] = await Promise.all([listAssessments(), loadAllAnswers()]);
    const now = new Date();
    const file = backupFile(
      assessments.map((assessment) => ({
        assessment,
        answers: Object.values(answers.get(assessment.id) ?? {}).filter((a): a is Answer => a !== undefined),
      })),
      now,
    );
    const text = await sealed(`${JSON.stringify(file, null, 2)}\n`, file.format, passphrase);
    return { name: fileName('backup', passphrase ? 'encrypted' : '', 'json', now), text, type: JSON_TYPE };
  }

  /** Answers (one row per question) or scores (one row per pillar) for a spreadsheet. */
  async function exportCsv(
    id: string,
    kind: 'answers' | 'scores',
    { sharing, text }: { sharing: boolean; text: CsvText },
  ): Promise<OutgoingFile> {
    const assessment = await getAssessment(id);
    const questionnaire = assessment && (await questionnaires.load(assessment.questionnaire.id));
    if (!assessment || !questionnaire) throw new Error(`No assessment with id "${id}"`);
    const stored = await loadAnswers(id);
    const answers = sharing
      ? Object.fromEntries(
          Object.values(stored)
            .map(forSharing)
            .filter((answer) => answer !== undefined)
            .map((answer) => [answer.questionId, answer]),
        )
      : stored;
    const result = scoreAssessment(questionnaire, answers);
    const csv =
      kind === 'answers'
        ? answersCsv(questionnaire, answers, result, text)
        : pillarsCsv(questionnaire, result, text);
    const now = new Date();
    const suffix = [kind, sharing ? 'sharing' : ''].filter(Boolean).join('-');
    return { name: fileName(assessment.name, suffix, 'csv', now), text: csv, type: CSV_TYPE };
  }

  /** Reads a file and says what importing it would do; writes nothing. */
  async function preview(bytes: Uint8Array, file: string, passphrase?: string): Promise<ImportPreview> {
    const read = await readImport(bytes, file, {
      loadQuestionnaire: (id) => questionnaires.load(id),
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    if (read.status !== 'ready') return read;
    const existing = await Promise.all(read.candidates.map(async (candidate) => existingFor(candidate)));
    return {
      ...read,
      existing,
      choices: read.candidates.map((candidate, index) => defaultChoice(candidate, existing[index])),
    };
  }

  async function existingFor(candidate: ImportCandidate): Promise<Existing | undefined> {
    const assessment = await getAssessment(candidate.assessment.id);
    return assessment && { assessment, answers: await loadAnswers(assessment.id) };
  }

  /** Writes what the person chose, all or nothing; resolves to the number of assessments added or replaced. */
  async function commit(
    candidates: readonly ImportCandidate[],
    choices: readonly ImportChoice[],
    copyName: (name: string) => string,
  ): Promise<number> {
    const writes = importWrites(candidates, choices, copyName);
    await storeImport(writes, new Date());
    await list.changed();
    // Windows showing an assessment that was replaced read it again.
    for (const { assessment, replaces } of writes)
      if (replaces) announce({ kind: 'assessment', assessmentId: assessment.id });
    return writes.length;
  }

  /** The assessment an export screen is about. */
  const find = (id: string) => getAssessment(id);

  return { find, exportAssessment, exportBackup, exportCsv, preview, commit };
});
