/**
 * The report as plain data, one object per section, so each section component only renders.
 * Pure: built from the stored assessment, its answers, the questionnaire, the weight profile
 * it uses and the clause registry. The figures are those of the results screen: the same
 * profile, the same targets (the assessment's own, else the questionnaire's), the same
 * analysis (`src/analysis/`).
 */
import {
  actionPlan,
  analyse,
  defaultTarget,
  FINAL_COVERAGE,
  type GapAnalysis,
  type PlanItem,
} from '../analysis/index.ts';
import { assessmentDate } from '../assessment/dates.ts';
import { describeResponse, type ResponseDescription } from '../assessment/describe.ts';
import { sharedAnswers, withoutPersonalFields } from '../assessment/sharing.ts';
import type { Answer, Answers, Assessment, Evidence } from '../assessment/types.ts';
import { totalProgress, type Progress } from '../assessment/progress.ts';
import { profileShares } from '../profiles/resolve.ts';
import type { Band, WeightProfile } from '../profiles/schema.ts';
import { hasRule, isScored, type RuleQuestion } from '../questionnaire/answerTypes.ts';
import { citationIndex, type Citation, type CitationIndex } from '../questionnaire/citations.ts';
import type { LocalizedText, NumericRule, Questionnaire } from '../questionnaire/schema.ts';
import type { Grouping } from '../scoring/groups.ts';
import type { QuestionStatus } from '../scoring/score.ts';

interface Reference {
  id: string;
  version: string;
  title: LocalizedText;
}

export interface ReportCover {
  name: string;
  /** The country or organisation assessed. */
  organisation?: string;
  preparedBy?: string;
  questionnaire: Reference;
  /** The weight profile the figures are computed with. */
  profile: Reference;
  /** The date the assessment describes, YYYY-MM-DD (`assessmentDate`). */
  assessedOn: string;
  createdAt: string;
  updatedAt: string;
  generatedAt: string;
  progress: Progress;
  /** Restricted comments and evidence, and names, were left out. */
  sharing: boolean;
}

/**
 * Scores, targets, gaps, bands and coverage, grouped as the profile groups them (the
 * questionnaire's pillars unless the profile says the five GCI pillars).
 */
export interface ReportSummary {
  analysis: GapAnalysis;
}

export interface ReportGaps {
  /** The same analysis as the summary's; its `ranking` orders the gaps by priority. */
  analysis: GapAnalysis;
  /** The same answers in the other grouping: the five GCI pillars (or the questionnaire's pillars). */
  otherView: GapAnalysis;
}

export interface ReportPlan {
  items: PlanItem[];
  /** What the plan cites, each with its document and summary, in order of first citation. */
  citations: Citation[];
}

export interface ReportPillarScore {
  id: string;
  title: LocalizedText;
  score: number | null;
  target: number;
  weight: number;
  share: number | null;
  answered: number;
  counted: number;
  coverage: number | null;
}

export interface ReportQuestion {
  id: string;
  /** "2.3": the third question of the second pillar. */
  number: string;
  text: LocalizedText;
  /** A figure's definition: what counts, which period, which denominator. */
  definition?: LocalizedText;
  /** How a figure becomes a score, with the questionnaire's reasons for its thresholds. */
  rule?: { question: RuleQuestion; rule: NumericRule; basisSources: Citation[] };
  status: QuestionStatus;
  score: number | null;
  weight: number;
  share: number | null;
  answer: ResponseDescription;
  comment?: string;
  commentRestricted: boolean;
  evidence: Evidence[];
  /** What the question cites, each with its document. */
  sources: Citation[];
}

export interface ReportAnswers {
  pillars: (ReportPillarScore & { questions: ReportQuestion[] })[];
}

export interface ReportWeight {
  id: string;
  weight: number;
  /** weight ÷ the weights of all its siblings: the share before any answer. */
  nominalShare: number;
  /** The share it has in these results; `null` when it has no score (its share passes to the others). */
  share: number | null;
}

export interface ReportQuestionWeight {
  id: string;
  number: string;
  text: LocalizedText;
  weight: number;
  /** The weight the questionnaire gives (1 where it gives none). */
  questionnaireWeight: number;
}

export interface ReportTarget {
  id: string;
  title: LocalizedText;
  target: number;
  /** The questionnaire's target (100 where it sets none). */
  questionnaireTarget: number;
}

export interface ReportAppendix {
  questionnaire: Reference;
  profile: Reference & {
    rationale: LocalizedText;
    basedOn?: string;
    /** How the summary, the gaps and the plan group the questions. */
    groupBy: Grouping;
  };
  pillarWeights: (ReportWeight & { title: LocalizedText })[];
  /** The weights of the five GCI pillars, for the GCI view. */
  gciWeights: ReportWeight[];
  /** Questions whose weight is not 1, or not the questionnaire's (every other question weighs 1). */
  questionWeights: ReportQuestionWeight[];
  targets: ReportTarget[];
  bands: readonly Band[];
  /** The band of the overall score (while provisional, only the band reached so far). */
  overallBand?: Band;
  overallProvisional: boolean;
  /** The coverage from which a score is final, not provisional (see src/analysis/provisional.ts). */
  finalCoverage: number;
  /** Everything the questions cite, each once, with its document and summary, in order of first citation. */
  cited: Citation[];
}

export interface Report {
  defaultLanguage: string;
  cover: ReportCover;
  summary: ReportSummary;
  gaps: ReportGaps;
  plan: ReportPlan;
  answers: ReportAnswers;
  appendix: ReportAppendix;
}

export interface ReportOptions {
  now: Date;
  /** Leave out restricted comments and evidence, and the names of people. */
  sharing: boolean;
  /** The weight profile the assessment uses (its own, else the default one). */
  profile: WeightProfile;
  /** The clause registry (`clauseCitations`), to name the documents and clauses cited. */
  clauses?: CitationIndex;
}

/** @throws WeightError when the profile's weights cannot give a score (as the results screen says). */
export function buildReport(
  assessment: Assessment,
  questionnaire: Questionnaire,
  stored: Answers,
  { now, sharing, profile, clauses = new Map() }: ReportOptions,
): Report {
  const answers: Answers = sharing ? sharedAnswers(stored) : stored;
  const options = { profile, targets: assessment.targets };
  const byPillar = analyse(questionnaire, answers, { ...options, groupBy: 'pillar' });
  const byGci = analyse(questionnaire, answers, { ...options, groupBy: 'gciPillar' });
  const groupBy: Grouping = profile.groupBy ?? 'pillar';
  const [main, otherView] = groupBy === 'gciPillar' ? [byGci, byPillar] : [byPillar, byGci];
  const items = actionPlan(main, questionnaire);
  const person = sharing ? withoutPersonalFields(assessment) : assessment;
  const ref = { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title };
  const citations = citationIndex(clauses, questionnaire);
  return {
    defaultLanguage: questionnaire.defaultLanguage,
    cover: {
      name: person.name,
      ...(assessment.organisation ? { organisation: assessment.organisation } : {}),
      ...(person.preparedBy ? { preparedBy: person.preparedBy } : {}),
      questionnaire: ref,
      profile: { id: profile.id, version: profile.version, title: profile.title },
      assessedOn: assessmentDate(assessment),
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      generatedAt: now.toISOString(),
      progress: totalProgress(questionnaire, answers),
      sharing,
    },
    summary: { analysis: main },
    gaps: { analysis: main, otherView },
    plan: {
      items,
      citations: cite(
        items.flatMap((item) => item.clauses),
        citations,
      ),
    },
    answers: answersSection(questionnaire, byPillar, answers, citations),
    appendix: appendix(questionnaire, profile, { byPillar, byGci, main }, ref, citations),
  };
}

/** Question numbers ("2.3") by question id. */
function questionNumbers(questionnaire: Questionnaire): Map<string, string> {
  return new Map(
    questionnaire.pillars.flatMap((pillar, p) =>
      pillar.questions.map((question, q) => [question.id, `${p + 1}.${q + 1}`] as const),
    ),
  );
}

function answersSection(
  questionnaire: Questionnaire,
  byPillar: GapAnalysis,
  answers: Answers,
  citations: CitationIndex,
): ReportAnswers {
  const numbers = questionNumbers(questionnaire);
  return {
    pillars: questionnaire.pillars.map((pillar, p) => {
      const group = byPillar.groups[p]!;
      return {
        id: pillar.id,
        title: pillar.title,
        score: group.score,
        target: group.target ?? defaultTarget(pillar),
        weight: group.weight,
        share: group.share,
        answered: group.answered,
        counted: group.counted,
        coverage: group.coverage,
        questions: pillar.questions.map((question, q): ReportQuestion => {
          const scored = group.questions[q]!;
          const answer: Answer | undefined = answers[question.id];
          return {
            id: question.id,
            number: numbers.get(question.id) ?? '',
            text: question.text,
            ...(hasRule(question) && question.definition ? { definition: question.definition } : {}),
            ...(hasRule(question) && question.scoring && isScored(question)
              ? {
                  rule: {
                    question,
                    rule: question.scoring,
                    basisSources: cite(question.scoring.basis?.sources ?? [], citations),
                  },
                }
              : {}),
            status: scored.status,
            score: scored.score,
            weight: scored.weight,
            share: scored.share,
            answer: describeResponse(question, answer?.response),
            ...(answer?.comment ? { comment: answer.comment } : {}),
            commentRestricted: answer?.commentAccess === 'restricted',
            evidence: answer?.evidence ?? [],
            sources: cite(question.sources, citations),
          };
        }),
      };
    }),
  };
}

function appendix(
  questionnaire: Questionnaire,
  profile: WeightProfile,
  { byPillar, byGci, main }: { byPillar: GapAnalysis; byGci: GapAnalysis; main: GapAnalysis },
  ref: Reference,
  citations: CitationIndex,
): ReportAppendix {
  const nominal = profileShares(questionnaire, profile, 'pillar').pillars;
  const nominalGci = profileShares(questionnaire, profile, 'gciPillar').pillars;
  const numbers = questionNumbers(questionnaire);
  const weightOf = (analysis: GapAnalysis, shares: typeof nominal) =>
    analysis.groups.map((group, index): ReportWeight => ({
      id: group.pillarId,
      weight: group.weight,
      nominalShare: shares[index]?.share ?? 0,
      share: group.share,
    }));
  return {
    questionnaire: ref,
    profile: {
      id: profile.id,
      version: profile.version,
      title: profile.title,
      rationale: profile.rationale,
      ...(profile.basedOn ? { basedOn: profile.basedOn } : {}),
      groupBy: main.groupBy,
    },
    pillarWeights: weightOf(byPillar, nominal).map((entry, index) => ({
      ...entry,
      title: questionnaire.pillars[index]!.title,
    })),
    gciWeights: weightOf(byGci, nominalGci),
    questionWeights: questionnaire.pillars.flatMap((pillar, p) =>
      pillar.questions
        .map((question, q) => ({
          id: question.id,
          number: numbers.get(question.id) ?? '',
          text: question.text,
          weight: byPillar.groups[p]!.questions[q]!.weight,
          questionnaireWeight: question.weight ?? 1,
        }))
        .filter((entry) => entry.weight !== 1 || entry.weight !== entry.questionnaireWeight),
    ),
    targets: questionnaire.pillars.map((pillar, p) => ({
      id: pillar.id,
      title: pillar.title,
      target: byPillar.groups[p]!.target ?? defaultTarget(pillar),
      questionnaireTarget: defaultTarget(pillar),
    })),
    bands: main.bands,
    ...(main.overall.band ? { overallBand: main.overall.band } : {}),
    overallProvisional: main.overall.provisional,
    finalCoverage: FINAL_COVERAGE,
    cited: cite(
      questionnaire.pillars.flatMap((pillar) => pillar.questions.flatMap((question) => question.sources)),
      citations,
    ),
  };
}

/** Each id once, in order, as the index knows it (by its id alone when it does not). */
function cite(ids: readonly string[], index: CitationIndex): Citation[] {
  return [...new Set(ids)].map((id) => index.get(id) ?? { id });
}
