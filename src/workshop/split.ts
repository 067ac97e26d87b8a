/**
 * Whether the room is split on a question: an even number of answers whose two middle ones
 * differ (one "yes" and one "no", or two and two), so that no answer stands in the middle. The
 * merge's median is the lower of the two (an answer somebody gave, which the consensus starts
 * from); shown alone it would read as the room's answer, so the screens show the split instead.
 * Presentation only: this reads the merge's figures and changes none of them.
 */
import type { AnswerValue } from '../assessment/types.ts';
import { answerType, keyValue } from '../questionnaire/answerTypes.ts';
import type { Question } from '../questionnaire/schema.ts';
import { valueScore } from '../scoring/valueScore.ts';
import type { QuestionStats, Rated } from './merge.ts';

export function medianSplit(question: Question, stats: QuestionStats): { low: Rated; high: Rated } | null {
  // A multiple-choice distribution counts options, not answers; free text has none.
  const shape = answerType(question).value;
  if (shape === 'choices' || shape === 'text') return null;
  const answers = stats.distribution
    .flatMap(({ key, count }) => {
      const value: AnswerValue = keyValue(question, key);
      const score = valueScore(question, value);
      return typeof score === 'number' && count > 0 ? [{ value, score, count }] : [];
    })
    .sort((a, b) => a.score - b.score);
  const total = answers.reduce((sum, entry) => sum + entry.count, 0);
  if (total < 2 || total % 2 === 1) return null;
  const at = (rank: number): Rated | undefined => {
    let seen = 0;
    for (const { value, score, count } of answers) {
      seen += count;
      if (seen >= rank) return { value, score };
    }
    return undefined;
  };
  const low = at(total / 2);
  const high = at(total / 2 + 1);
  return low && high && high.score > low.score ? { low, high } : null;
}
