/**
 * The rules of weight profile format v1 that a JSON Schema cannot express. They run on a
 * profile that has passed the schema, against the questionnaires the app knows.
 */
import type { Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { Grouping } from '../scoring/groups.ts';
import { checkWeights, WeightError } from '../scoring/weights.ts';
import { quotedList, type ProblemCode, type ProblemParams } from '../validation/messages.ts';
import { jsonPath, problem, type PathSegment, type Problem } from '../validation/problems.ts';
import { profileWeights } from './resolve.ts';
import type { WeightProfile } from './schema.ts';

export interface ProfileContext {
  file: string;
  /** The questionnaires the profile may apply to, by id. */
  questionnaires: ReadonlyMap<string, Questionnaire>;
  /**
   * Built-in profiles must apply only to questionnaires that exist and must cite the
   * resolution in their rationale; a profile brought from elsewhere may also name
   * questionnaires this app does not have.
   */
  builtIn?: boolean;
  /** Clause ids that a rationale may cite; when given, every cited id must be one of them. */
  knownClauses?: ReadonlySet<string>;
}

type Report = (path: PathSegment[], code: ProblemCode, params?: ProblemParams, within?: string) => void;

export function checkProfileRules(profile: WeightProfile, context: ProfileContext): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, code, params, within) =>
    problems.push(problem(context.file, jsonPath(path), code, params, within));

  checkBands(profile, report);
  const targets = applicableQuestionnaires(profile, context, report);
  if (targets.length > 0) {
    checkIds(profile, targets, report);
    checkScorable(profile, targets, report);
  }
  if (context.knownClauses) checkCitations(profile, context, report);
  return problems;
}

function checkBands(profile: WeightProfile, report: Report): void {
  const bands = profile.bands;
  if (!bands) return;
  const seen = new Set<string>();
  bands.forEach((band, index) => {
    if (seen.has(band.id)) report(['bands', index, 'id'], 'profile.bandTwice', { band: band.id });
    seen.add(band.id);
    const previous = bands[index - 1];
    if (previous && band.from >= previous.from) {
      report(['bands', index, 'from'], 'profile.bandOrder', {
        band: band.id,
        from: band.from,
        previous: previous.id,
        previousFrom: previous.from,
      });
    }
  });
  const last = bands[bands.length - 1];
  if (last && last.from !== 0) {
    report(['bands', bands.length - 1, 'from'], 'profile.lastBand', { from: last.from });
  }
}

function applicableQuestionnaires(
  profile: WeightProfile,
  context: ProfileContext,
  report: Report,
): Questionnaire[] {
  const known = quotedList([...context.questionnaires.keys()]);
  const found: Questionnaire[] = [];
  profile.appliesTo.forEach((id, index) => {
    const questionnaire = context.questionnaires.get(id);
    if (questionnaire) found.push(questionnaire);
    else if (context.builtIn)
      report(['appliesTo', index], 'profile.unknownQuestionnaire', { questionnaire: id, known });
  });
  if (found.length === 0 && !context.builtIn) {
    report(['appliesTo'], 'profile.noQuestionnaire', {
      questionnaires: quotedList(profile.appliesTo),
      known,
    });
  }
  return found;
}

/** Every pillar and question named must exist in at least one questionnaire the profile applies to. */
function checkIds(profile: WeightProfile, questionnaires: Questionnaire[], report: Report): void {
  const names = quotedList(questionnaires.map((q) => q.id));
  const pillarIds = new Set(questionnaires.flatMap((q) => q.pillars.map((pillar) => pillar.id)));
  const questionIds = new Set(
    questionnaires.flatMap((q) => questionsInOrder(q).map(({ question }) => question.id)),
  );
  for (const id of Object.keys(profile.pillars ?? {})) {
    if (!pillarIds.has(id))
      report(['pillars', id], 'profile.noPillar', { pillar: id, questionnaires: names });
  }
  for (const id of Object.keys(profile.questions ?? {})) {
    if (!questionIds.has(id))
      report(['questions', id], 'profile.noQuestion', { question: id, questionnaires: names });
  }
}

/** The weights must give a score for each questionnaire, in both groupings. */
function checkScorable(profile: WeightProfile, questionnaires: Questionnaire[], report: Report): void {
  const groupings: [Grouping, PathSegment][] = [
    ['pillar', 'pillars'],
    ['gciPillar', 'gciPillars'],
  ];
  for (const [groupBy, field] of groupings) {
    for (const questionnaire of questionnaires) {
      try {
        checkWeights(questionnaire, profileWeights(profile, groupBy), groupBy);
      } catch (error) {
        if (!(error instanceof WeightError)) throw error;
        report([field], error.code, error.params, questionnaire.id);
      }
    }
  }
}

/** Clause ids quoted in the rationale must be in the registry; a built-in profile must cite one. */
function checkCitations(profile: WeightProfile, context: ProfileContext, report: Report): void {
  const known = context.knownClauses ?? new Set<string>();
  const prefixes = new Set([...known].map((id) => id.split('/')[0]));
  let cites = true;
  for (const [language, text] of Object.entries(profile.rationale)) {
    const cited = [...text.matchAll(/[A-Za-z0-9-]+(?:\/[a-z0-9-]+)+/g)]
      .map((match) => match[0])
      .filter((id) => prefixes.has(id.split('/')[0]));
    for (const id of cited.filter((candidate) => !known.has(candidate)))
      report(['rationale', language], 'profile.unknownClause', { clause: id });
    if (!cited.some((id) => known.has(id))) cites = false;
  }
  if (context.builtIn && !cites) {
    report(['rationale'], 'profile.mustCite');
  }
}
