/** The sample questionnaire and an assessment of it with every kind of answer, for transfer tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import type { ImportContext } from '../../../src/transfer/index.ts';

export const sample = JSON.parse(
  readFileSync(join(QUESTIONNAIRE_DIR, 'sample.json'), 'utf8'),
) as Questionnaire;

export const context: ImportContext = {
  loadQuestionnaire: (id) => Promise.resolve(id === sample.id ? sample : undefined),
};

const AT = '2026-02-01T09:30:00.000Z';

export const assessment: Assessment = {
  id: '3f2c1d7e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
  name: 'Ministry of ICT, 2026 — «Кибербезопасность»',
  questionnaire: { id: 'sample', version: '1.0.0' },
  preparedBy: 'A. Petrova (CIRT), J. Mensah (Ministry)',
  createdAt: '2026-01-15T08:00:00.000Z',
  updatedAt: AT,
};

export const answers: Answer[] = [
  {
    questionId: 'strategy.exists',
    response: { kind: 'value', value: 'partly' },
    comment: 'Draft approved by the cabinet; minister named in the memo.',
    commentAccess: 'restricted',
    evidence: [
      { id: 'e1', reference: 'Decree 12/2025', access: 'public' },
      { id: 'e2', reference: 'Cabinet memo 7 (internal)', access: 'restricted' },
    ],
    updatedAt: AT,
  },
  { questionId: 'strategy.review', response: { kind: 'value', value: 3 }, updatedAt: AT },
  { questionId: 'cirt.exists', response: { kind: 'value', value: 'yes' }, updatedAt: AT },
  {
    questionId: 'cirt.services',
    response: { kind: 'value', value: ['handling', 'advisories'] },
    comment: '=HYPERLINK("http://example.invalid","click")',
    updatedAt: AT,
  },
  { questionId: 'skills.certified', response: { kind: 'value', value: 120 }, updatedAt: AT },
  { questionId: 'gender.share', response: { kind: 'dontKnow' }, updatedAt: AT },
  { questionId: 'smes.guidance', response: { kind: 'notApplicable' }, updatedAt: AT },
  {
    questionId: 'awareness.lessons',
    response: { kind: 'value', value: '<img src=x onerror=alert(1)> Radio reached villages.' },
    updatedAt: AT,
  },
];

export const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
