/**
 * The rules of weight profile format v1 that a JSON Schema cannot express. They run on a
 * profile that has passed the schema, against the questionnaires the app knows.
 */
import type { Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { Grouping } from '../scoring/groups.ts';
import { checkWeights, WeightError } from '../scoring/weights.ts';
import { jsonPath, type PathSegment, type Problem } from '../validation/problems.ts';
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

type Report = (path: PathSegment[], message: string) => void;

export function checkProfileRules(profile: WeightProfile, context: ProfileContext): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) =>
    problems.push({ file: context.file, path: jsonPath(path), message });

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
    if (seen.has(band.id)) report(['bands', index, 'id'], `band id "${band.id}" is used twice`);
    seen.add(band.id);
    const previous = bands[index - 1];
    if (previous && band.from >= previous.from) {
      report(
        ['bands', index, 'from'],
        `expected bands from the highest to the lowest: "${band.id}" starts at ${band.from}, ` +
          `which is not below "${previous.id}" (${previous.from})`,
      );
    }
  });
  const last = bands[bands.length - 1];
  if (last && last.from !== 0) {
    report(
      ['bands', bands.length - 1, 'from'],
      `expected the last band to start at 0, so that every score has a band; found ${last.from}`,
    );
  }
}

function applicableQuestionnaires(
  profile: WeightProfile,
  context: ProfileContext,
  report: Report,
): Questionnaire[] {
  const known = [...context.questionnaires.keys()].join(', ');
  const found: Questionnaire[] = [];
  profile.appliesTo.forEach((id, index) => {
    const questionnaire = context.questionnaires.get(id);
    if (questionnaire) found.push(questionnaire);
    else if (context.builtIn)
      report(['appliesTo', index], `no questionnaire "${id}" is built into the app (known: ${known})`);
  });
  if (found.length === 0 && !context.builtIn) {
    report(
      ['appliesTo'],
      `this profile is for questionnaire(s) ${profile.appliesTo.map((id) => `"${id}"`).join(', ')}, ` +
        `none of which is in this app (known: ${known})`,
    );
  }
  return found;
}

/** Every pillar and question named must exist in at least one questionnaire the profile applies to. */
function checkIds(profile: WeightProfile, questionnaires: Questionnaire[], report: Report): void {
  const names = questionnaires.map((q) => `"${q.id}"`).join(', ');
  const pillarIds = new Set(questionnaires.flatMap((q) => q.pillars.map((pillar) => pillar.id)));
  const questionIds = new Set(
    questionnaires.flatMap((q) => questionsInOrder(q).map(({ question }) => question.id)),
  );
  for (const id of Object.keys(profile.pillars ?? {})) {
    if (!pillarIds.has(id)) report(['pillars', id], `no pillar "${id}" in ${names}`);
  }
  for (const id of Object.keys(profile.questions ?? {})) {
    if (!questionIds.has(id)) report(['questions', id], `no question "${id}" in ${names}`);
  }
}

/** The weights must give a score for each questionnaire, in both groupings. */
function checkScorable(profile: WeightProfile, questionnaires: Questionnaire[], report: Report): void {
  const groupings: [Grouping, PathSegment][] = [
    ['pillar', 'pillars'],
    ['gciPillar', 'gciPillars'],
  ];
  for (const [groupBy, field] of groupings) {
    const messages = new Set<string>();
    for (const questionnaire of questionnaires) {
      try {
        checkWeights(questionnaire, profileWeights(profile, groupBy), groupBy);
      } catch (error) {
        if (!(error instanceof WeightError)) throw error;
        messages.add(`${error.message} (with questionnaire "${questionnaire.id}")`);
      }
    }
    for (const message of messages) report([field], message);
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
      report(['rationale', language], `cites "${id}", which is not in the clause registry`);
    if (!cited.some((id) => known.has(id))) cites = false;
  }
  if (context.builtIn && !cites) {
    report(['rationale'], 'expected the rationale to cite the resolution’s clause ids in every language');
  }
}
