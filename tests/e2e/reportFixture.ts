import { readFileSync } from 'node:fs';
import type { Answer, AnswerValue } from '../../src/assessment/types.ts';
import type { Question, Questionnaire } from '../../src/questionnaire/schema.ts';

/**
 * A full Resolution 130 assessment, every question answered (gates open, so every follow-up is
 * asked), with comments and evidence here and there: the longest report a ministry would print.
 * Written as an assessment export, to import on the Import screen.
 */
export function fullAssessmentFile(name: string, organisation: string): string {
  const url = new URL('../../questionnaires/resolution-130.json', import.meta.url);
  const questionnaire = JSON.parse(readFileSync(url, 'utf8')) as Questionnaire;
  const at = '2026-03-10T10:00:00.000Z';
  const answers: Answer[] = questionnaire.pillars
    .flatMap((pillar) => pillar.questions)
    .map((question, index) => {
      const answer: Answer = {
        questionId: question.id,
        response: { kind: 'value', value: valueFor(question, index) },
        updatedAt: at,
      };
      if (index % 4 === 0)
        answer.comment = `Confirmed with the ministry in March; the figures come from the ${2020 + (index % 6)} annual report.`;
      if (index % 5 === 0)
        answer.evidence = [{ id: `e${index}`, reference: `Decree ${index}/2025`, access: 'public' }];
      return answer;
    });
  return JSON.stringify({
    format: 'baseline.assessment',
    version: 1,
    exportedAt: at,
    sharing: false,
    assessment: {
      id: 'full-r130-report',
      name,
      organisation,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      preparedBy: 'National cybersecurity agency, planning unit',
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: at,
    },
    answers,
  });
}

function valueFor(question: Question, index: number): AnswerValue {
  switch (question.type) {
    case 'yesNo':
      return 'yes';
    case 'yesPartlyNo':
      return index % 3 === 0 ? 'partly' : 'yes';
    case 'maturity':
      return 1 + (index % Math.max(1, question.levels.length - 2));
    case 'singleChoice':
      return question.options[index % question.options.length]!.id;
    case 'multipleChoice':
      return question.options
        .filter((option) => !option.exclusive)
        .slice(0, 2)
        .map((option) => option.id);
    case 'number': {
      const rule = question.scoring;
      const value =
        rule?.kind === 'linear' ? (rule.scoreZeroAt + rule.scoreFullAt) / 2 : (rule?.steps[0]?.from ?? 10);
      return question.integer ? Math.round(value) : value;
    }
    case 'percentage':
      return 40;
    case 'text':
      return 'A national campaign with the telecom operators reached most households; schools asked for more material.';
  }
}
