/** Small builders for questionnaires and answers in tests, so each test states only what matters. */
import type { Answer, Answers, Response } from '../../src/assessment/types.ts';
import type { Pillar, Question, Questionnaire } from '../../src/questionnaire/schema.ts';

const text = (en: string) => ({ en, ru: `${en} (ru)` });

type QuestionInput = Partial<Question> & Pick<Question, 'id' | 'type'>;

export function question(input: QuestionInput): Question {
  const base = {
    text: text(input.id),
    sources: ['R130/resolves/sme-problems'],
    gciPillar: 'technical' as const,
  };
  const defaults: Partial<Record<Question['type'], object>> = {
    maturity: { levels: [0, 1, 2, 3, 4, 5].map((level) => text(`level ${level}`)) },
    singleChoice: {
      options: [
        { id: 'low', label: text('low'), score: 0 },
        { id: 'mid', label: text('mid'), score: 0.5 },
        { id: 'high', label: text('high'), score: 1 },
      ],
    },
    multipleChoice: {
      options: [
        { id: 'a', label: text('a'), score: 0.5 },
        { id: 'b', label: text('b'), score: 0.4 },
        { id: 'c', label: text('c'), score: 0.3 },
        { id: 'none', label: text('none'), score: 0, exclusive: true },
      ],
    },
    number: { scoring: { kind: 'linear', scoreZeroAt: 0, scoreFullAt: 200 } },
    percentage: { scoring: { kind: 'linear', scoreZeroAt: 0, scoreFullAt: 100 } },
  };
  return { ...base, ...defaults[input.type], ...input } as Question;
}

export function pillar(id: string, questions: Question[], extra: Partial<Pillar> = {}): Pillar {
  return { id, title: text(id), sources: ['R130/resolves/sme-problems'], questions, ...extra };
}

export function questionnaire(pillars: Pillar[], extra: Partial<Questionnaire> = {}): Questionnaire {
  return {
    format: 1,
    id: 'test',
    version: '1.0.0',
    languages: ['en', 'ru'],
    defaultLanguage: 'en',
    title: text('Test'),
    pillars,
    ...extra,
  };
}

const AT = '2026-01-01T00:00:00.000Z';

export const value = (v: string | number | string[]): Response => ({ kind: 'value', value: v });
export const notApplicable: Response = { kind: 'notApplicable' };
export const dontKnow: Response = { kind: 'dontKnow' };

/** `answers({ q1: value('yes'), q2: notApplicable })` */
export function answers(responses: Record<string, Response>): Answers {
  return Object.fromEntries(
    Object.entries(responses).map(([questionId, response]): [string, Answer] => [
      questionId,
      { questionId, response, updatedAt: AT },
    ]),
  );
}
