/** Words for workshop figures in the interface language: groups, answers, agreement, import outcomes. */
import {
  describeResponse,
  responseText,
  type ResponseTextOptions,
  type ResponseWords,
} from '../../assessment/describe.ts';
import type { AnswerValue, Response } from '../../assessment/types.ts';
import { useResponseWords } from '../../i18n/useResponseText.ts';
import { keyValue } from '../../questionnaire/answerTypes.ts';
import type { Question } from '../../questionnaire/schema.ts';
import type { Outcome } from '../../workshop/importer.ts';
import type { QuestionStats } from '../../workshop/merge.ts';
import { medianSplit } from '../../workshop/split.ts';
import { isDefaultGroup, type StakeholderGroup } from '../../workshop/setup.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

export function useWorkshopText() {
  const { t, locale, localized } = useLanguage();

  /** A group's name: default groups in the interface language, custom ones as the facilitator wrote them. */
  function groupName(
    groupId: string,
    groups: readonly StakeholderGroup[] | Record<string, string> = [],
  ): string {
    if (isDefaultGroup(groupId)) return t(`workshop.groups.${groupId}`);
    const label = Array.isArray(groups)
      ? groups.find((group) => group.id === groupId)?.label
      : (groups as Record<string, string>)[groupId];
    return label ?? groupId;
  }

  /** A participant as the facilitator sees them: their name, or the start of their anonymous id. */
  function participantName(entry: { name?: string | null; participantId: string }): string {
    return entry.name ?? t('workshop.participants.anonymous', { id: entry.participantId.slice(0, 8) });
  }

  // Questionnaire texts are put in words per call (`wordsFor`), each in its own fallback language.
  const words = useResponseWords(() => 'en');
  /** The interface's words, with questionnaire texts in the questionnaire's own fallback language. */
  const wordsFor = (defaultLanguage: string): ResponseWords => ({
    ...words,
    localize: (text) => localized(text, defaultLanguage).text,
  });

  /** An answer value in words: "Partly", "Level 3: …", an option's label, a figure with its unit. */
  function valueText(
    question: Question,
    value: AnswerValue,
    defaultLanguage: string,
    options: ResponseTextOptions = {},
  ): string {
    return responseText(
      describeResponse(question, { kind: 'value', value }),
      wordsFor(defaultLanguage),
      options,
    );
  }

  /** A distribution key (option id, level, figure) in words. */
  function keyText(question: Question, key: string, defaultLanguage: string): string {
    return valueText(question, keyValue(question, key), defaultLanguage, { short: true });
  }

  /** A participant's answer to a question in one line, "no answer" when there is none. */
  function answerText(
    question: Question,
    response: Response | undefined,
    defaultLanguage: string,
    options: ResponseTextOptions = {},
  ): string {
    if (!response) return t('workshop.response.none');
    return responseText(describeResponse(question, response), wordsFor(defaultLanguage), options);
  }

  /**
   * The median answer in words, or, when the room is split in two, the two answers it is split
   * between (`medianSplit`): the merge's median alone would read as the room's answer.
   */
  function medianText(question: Question, stats: QuestionStats, defaultLanguage: string): string {
    const answer = (value: AnswerValue) => valueText(question, value, defaultLanguage, { short: true });
    const split = medianSplit(question, stats);
    if (split)
      return t('workshop.discuss.split', { low: answer(split.low.value), high: answer(split.high.value) });
    return stats.median ? answer(stats.median.value) : '—';
  }

  const percent = (share: number) =>
    new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(share);

  /** Agreement as a percentage, or a dash with its reason. */
  function agreementText(agreement: number | null): string {
    return agreement === null ? t('workshop.agreement.none') : percent(agreement);
  }

  /** What happened to a received payload, in a sentence. */
  function outcomeText(outcome: Outcome, file: string, groups: readonly StakeholderGroup[]): string {
    const who = (submission: { name?: string; group: string; participantId: string }) =>
      submission.name
        ? t('workshop.import.named', { name: submission.name, group: groupName(submission.group, groups) })
        : t('workshop.import.anonymous', {
            id: submission.participantId.slice(0, 8),
            group: groupName(submission.group, groups),
          });
    switch (outcome.kind) {
      case 'added':
        return t('workshop.import.added', { who: who(outcome.submission), file });
      case 'replaced':
        return t('workshop.import.replaced', { who: who(outcome.submission), file });
      case 'keptNewer':
        return t('workshop.import.keptNewer', { who: who(outcome.existing), file });
      case 'alreadyHave':
        return t('workshop.import.alreadyHave', { who: who(outcome.existing), file });
      case 'refused':
        return t(`workshop.import.refused.${outcome.reason}`, { file });
    }
  }

  return {
    groupName,
    participantName,
    valueText,
    keyText,
    answerText,
    medianText,
    agreementText,
    percent,
    outcomeText,
  };
}
