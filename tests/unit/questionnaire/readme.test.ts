import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../../../src/questionnaire/constants.ts';
import { validateQuestionnaire } from '../../../src/questionnaire/validate.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { loadClauseIds, QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';

/** Every JSON example in the authors' guide: questions, and the parts of a file around them. */
const examples = [
  ...readFileSync(join(QUESTIONNAIRE_DIR, 'README.md'), 'utf8').matchAll(/```json\n([\s\S]*?)```/g),
].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
const questions = examples.filter((example) => 'type' in example);

describe('the format guide (questionnaires/README.md)', () => {
  it('shows a complete example of every question type, and one collected for context', () => {
    expect(new Set(questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES));
    expect(questions.some((question) => question.scored === false)).toBe(true);
  });

  it('gives examples that the validator accepts, together in one file', () => {
    const file = Object.assign(
      {
        format: 1,
        id: 'guide',
        version: '1.0.0',
        languages: ['en'],
        defaultLanguage: 'en',
        title: { en: 'Examples' },
        pillars: [{ id: 'examples', title: { en: 'Examples' }, sources: ['cyber-act'], questions }],
      },
      ...examples.filter((example) => !('type' in example)),
    );
    const result = validateQuestionnaire(file, { file: 'README.md', knownClauses: loadClauseIds() });
    expect(result.ok ? [] : result.error.map(formatProblem)).toEqual([]);
  });
});
