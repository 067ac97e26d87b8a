import { defineStore } from 'pinia';
import type { GapAnalysis } from '../analysis/gaps.ts';
import { analyseAssessment } from '../analysis/settings.ts';
import { sharedAnswers } from '../assessment/sharing.ts';
import type { Answer, Answers } from '../assessment/types.ts';
import type { Grouping } from '../scoring/groups.ts';
import { WeightError } from '../scoring/weights.ts';
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
  exportedResults,
  fileName,
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
import { useWeightProfilesStore } from './weightProfiles.ts';

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
  const profiles = useWeightProfilesStore();
  const list = useAssessmentsStore();

  /**
   * What exports need to compute figures as every screen does: the assessment, its
   * questionnaire, and the answers (the shared ones for a sharing export).
   */
  async function exportable(id: string, sharing: boolean) {
    const assessment = await getAssessment(id);
    if (!assessment) throw new Error(`No assessment with id "${id}"`);
    const [questionnaire, stored] = await Promise.all([
      questionnaires.load(assessment.questionnaire.id),
      loadAnswers(id),
      profiles.ensureLoaded(),
    ]);
    const answers: Answers = sharing ? sharedAnswers(stored) : stored;
    /** The figures, or nothing when the weights cannot give any (the results screen says why). */
    const analysis = (groupBy?: Grouping): GapAnalysis | undefined => {
      if (!questionnaire) return undefined;
      try {
        return analyseAssessment(assessment, questionnaire, answers, profiles.builtIn, groupBy);
      } catch (error) {
        if (error instanceof WeightError) return undefined;
        throw error;
      }
    };
    return {
      assessment,
      questionnaire,
      stored,
      analysis,
    };
  }

  async function sealed(
    text: string,
    contains: EncryptedFile['contains'],
    passphrase?: string,
  ): Promise<string> {
    if (!passphrase) return text;
    return `${JSON.stringify(await encrypt(text, passphrase, contains), null, 2)}\n`;
  }

  /**
   * One assessment as a JSON file, with its figures; a sharing export leaves out what is
   * restricted and names.
   */
  async function exportAssessment(
    id: string,
    { sharing, passphrase }: { sharing: boolean; passphrase?: string },
  ): Promise<OutgoingFile> {
    const { assessment, stored, analysis } = await exportable(id, sharing);
    const now = new Date();
    const figures = analysis();
    const file = assessmentFile(
      assessment,
      Object.values(stored).filter((a): a is Answer => !!a),
      {
        sharing,
        now,
        ...(figures && { results: exportedResults(figures) }),
      },
    );
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

  /**
   * Answers (one row per question) or scores (one row per pillar) for a spreadsheet, with the
   * figures of the results screen: the assessment's own weights and targets, its profile's
   * grouping for the scores.
   */
  async function exportCsv(
    id: string,
    kind: 'answers' | 'scores',
    { sharing, text }: { sharing: boolean; text: CsvText },
  ): Promise<OutgoingFile> {
    const { assessment, questionnaire, stored, analysis } = await exportable(id, sharing);
    const figures = analysis(kind === 'answers' ? 'pillar' : undefined);
    if (!questionnaire) throw new Error(`No questionnaire "${assessment.questionnaire.id}" in this app`);
    if (!figures) throw new Error('The weights of this assessment cannot give a score; see its results.');
    const answers = sharing ? sharedAnswers(stored) : stored;
    const csv =
      kind === 'answers'
        ? answersCsv(questionnaire, answers, figures, text)
        : pillarsCsv(questionnaire, figures, text);
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
    existing: readonly (Existing | undefined)[] = [],
  ): Promise<number> {
    const writes = importWrites(candidates, choices, copyName, existing);
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
