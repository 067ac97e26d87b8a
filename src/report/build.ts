/**
 * The report as plain data, one object per section, so each section component only renders
 * and a new section (the gap analysis, the action plan) is one more entry. Pure: built from
 * the stored assessment, its answers, the questionnaire and the scores.
 */
import { describeResponse, type ResponseDescription } from '../assessment/describe.ts';
import { forSharing, withoutPersonalFields } from '../transfer/export.ts';
import type { Answer, Answers, Assessment, Evidence } from '../assessment/types.ts';
import { totalProgress, type Progress } from '../assessment/progress.ts';
import type { LocalizedText, Questionnaire } from '../questionnaire/schema.ts';
import { scoreAssessment, type QuestionStatus } from '../scoring/score.ts';
import type { Weights } from '../scoring/weights.ts';

export interface ReportCover {
  name: string;
  preparedBy?: string;
  questionnaire: { id: string; version: string; title: LocalizedText };
  createdAt: string;
  updatedAt: string;
  generatedAt: string;
  progress: Progress;
  /** Restricted comments and evidence, and names, were left out. */
  sharing: boolean;
}

export interface ReportPillarScore {
  id: string;
  title: LocalizedText;
  score: number | null;
  weight: number;
  share: number | null;
  answered: number;
  counted: number;
  coverage: number | null;
}

export interface ReportSummary {
  overall: number | null;
  coverage: number | null;
  pillars: ReportPillarScore[];
}

export interface ReportQuestion {
  id: string;
  /** "2.3": the third question of the second pillar. */
  number: string;
  text: LocalizedText;
  status: QuestionStatus;
  score: number | null;
  weight: number;
  share: number | null;
  answer: ResponseDescription;
  comment?: string;
  commentRestricted: boolean;
  evidence: Evidence[];
  sources: string[];
}

export interface ReportAnswers {
  pillars: (ReportPillarScore & { questions: ReportQuestion[] })[];
}

export interface ReportAppendix {
  questionnaire: { id: string; version: string; title: LocalizedText };
  pillarWeights: { id: string; title: LocalizedText; weight: number; share: number | null }[];
  /** Questions whose weight is not 1 (every other question weighs 1). */
  questionWeights: { id: string; number: string; weight: number }[];
}

export interface Report {
  defaultLanguage: string;
  cover: ReportCover;
  summary: ReportSummary;
  answers: ReportAnswers;
  appendix: ReportAppendix;
}

/** @throws WeightError when the weights cannot give a score (as the results screen says). */
export function buildReport(
  assessment: Assessment,
  questionnaire: Questionnaire,
  stored: Answers,
  { now, sharing, weights = {} }: { now: Date; sharing: boolean; weights?: Weights },
): Report {
  const answers: Answers = sharing ? shareable(stored) : stored;
  const result = scoreAssessment(questionnaire, answers, weights);
  const ref = { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title };
  const pillarScores = result.pillars.map((pillar, index): ReportPillarScore => ({
    id: pillar.pillarId,
    title: questionnaire.pillars[index]!.title,
    score: pillar.score,
    weight: pillar.weight,
    share: pillar.share,
    answered: pillar.answered,
    counted: pillar.counted,
    coverage: pillar.coverage,
  }));
  const numbered = questionnaire.pillars.map((pillar, p) =>
    pillar.questions.map((question, q) => ({ question, number: `${p + 1}.${q + 1}` })),
  );
  const person = sharing ? withoutPersonalFields(assessment) : assessment;
  return {
    defaultLanguage: questionnaire.defaultLanguage,
    cover: {
      name: person.name,
      ...(person.preparedBy ? { preparedBy: person.preparedBy } : {}),
      questionnaire: ref,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      generatedAt: now.toISOString(),
      progress: totalProgress(questionnaire, answers),
      sharing,
    },
    summary: { overall: result.overall, coverage: result.coverage, pillars: pillarScores },
    answers: {
      pillars: pillarScores.map((score, p) => ({
        ...score,
        questions: numbered[p]!.map(({ question, number }): ReportQuestion => {
          const scored = result.questions[question.id]!;
          const answer: Answer | undefined = answers[question.id];
          return {
            id: question.id,
            number,
            text: question.text,
            status: scored.status,
            score: scored.score,
            weight: scored.weight,
            share: scored.share,
            answer: describeResponse(question, answer?.response),
            ...(answer?.comment ? { comment: answer.comment } : {}),
            commentRestricted: answer?.commentAccess === 'restricted',
            evidence: answer?.evidence ?? [],
            sources: question.sources,
          };
        }),
      })),
    },
    appendix: {
      questionnaire: ref,
      pillarWeights: pillarScores.map(({ id, title, weight, share }) => ({ id, title, weight, share })),
      questionWeights: numbered
        .flat()
        .map(({ question, number }) => ({
          id: question.id,
          number,
          weight: result.questions[question.id]!.weight,
        }))
        .filter((entry) => entry.weight !== 1),
    },
  };
}

function shareable(answers: Answers): Answers {
  return Object.fromEntries(
    Object.values(answers)
      .map((answer) => answer && forSharing(answer))
      .filter((answer) => answer !== undefined)
      .map((answer) => [answer.questionId, answer]),
  );
}
