/** Words for workshop figures in the interface language: groups, answers, agreement, import outcomes. */
import { useI18n } from 'vue-i18n';
import type { AnswerValue, Response } from '../../assessment/types.ts';
import { useLocalized } from '../../i18n/useLocalized.ts';
import type { Question } from '../../questionnaire/schema.ts';
import type { Outcome } from '../../workshop/importer.ts';
import { isDefaultGroup, type StakeholderGroup } from '../../workshop/setup.ts';

export function useWorkshopText() {
  const { t, locale } = useI18n();
  const localized = useLocalized();

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

  /** An answer value in words: "Partly", "Level 3 — …", an option's label, a figure with its unit. */
  function valueText(
    question: Question,
    value: AnswerValue,
    defaultLanguage: string,
    { short = false } = {},
  ): string {
    switch (question.type) {
      case 'yesNo':
      case 'yesPartlyNo':
        return typeof value === 'string' && ['yes', 'partly', 'no'].includes(value)
          ? t(`question.${value}`)
          : String(value);
      case 'maturity':
        return short || typeof value !== 'number' || !question.levels[value]
          ? t('question.level', { level: value })
          : `${t('question.level', { level: value })} — ${localized(question.levels[value], defaultLanguage).text}`;
      case 'singleChoice':
      case 'multipleChoice': {
        const ids = Array.isArray(value) ? value : [String(value)];
        return ids
          .map((id) => {
            const option = question.options.find((entry) => entry.id === id);
            return option ? localized(option.label, defaultLanguage).text : id;
          })
          .join('; ');
      }
      case 'percentage':
        return typeof value === 'number'
          ? new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 2 }).format(
              value / 100,
            )
          : String(value);
      case 'number': {
        const unit = question.unit ? ` ${localized(question.unit, defaultLanguage).text}` : '';
        return typeof value === 'number'
          ? `${new Intl.NumberFormat(locale.value).format(value)}${unit}`
          : String(value);
      }
      case 'text':
        return String(value);
    }
  }

  /** A distribution key (option id, level, figure) in words. */
  function keyText(question: Question, key: string, defaultLanguage: string): string {
    const numeric =
      question.type === 'maturity' || question.type === 'number' || question.type === 'percentage';
    return valueText(question, numeric ? Number(key) : key, defaultLanguage, { short: true });
  }

  function responseText(
    question: Question,
    response: Response | undefined,
    defaultLanguage: string,
    options = {},
  ): string {
    if (!response) return t('workshop.response.none');
    if (response.kind === 'notApplicable') return t('question.notApplicable');
    if (response.kind === 'dontKnow') return t('question.dontKnow');
    return valueText(question, response.value, defaultLanguage, options);
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

  return { groupName, valueText, keyText, responseText, agreementText, percent, outcomeText };
}
