/**
 * The JSON Schemas kept in the repo, generated from the Zod schemas that the app and the
 * validator use, so the documented format can never drift from the checked one.
 */
import { z } from 'zod';
import { weightProfileSchema } from '../../src/profiles/schema.ts';
import { clauseRegistrySchema } from '../../src/questionnaire/clauses.ts';
import { joinNoticeSchema } from '../../src/room/joinNotice.ts';
import { questionnaireSchema } from '../../src/questionnaire/schema.ts';
import { assessmentFileSchema, backupFileSchema, encryptedFileSchema } from '../../src/transfer/formats.ts';
import { payloadSchema } from '../../src/workshop/payload.ts';
import { workshopSetupSchema } from '../../src/workshop/setup.ts';

export interface GeneratedSchema {
  /** Path relative to the repository root. */
  path: string;
  text: string;
}

function render(schema: z.ZodType, id: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, $id: id }, null, 2)}\n`;
}

export function generatedSchemas(): GeneratedSchema[] {
  return [
    {
      path: 'questionnaires/schema/questionnaire.schema.json',
      text: render(questionnaireSchema, 'https://baseline.invalid/schema/questionnaire-v1.json'),
    },
    {
      path: 'questionnaires/schema/clauses.schema.json',
      text: render(clauseRegistrySchema, 'https://baseline.invalid/schema/clauses-v1.json'),
    },
    {
      path: 'questionnaires/schema/weight-profile.schema.json',
      text: render(weightProfileSchema, 'https://baseline.invalid/schema/weight-profile-v1.json'),
    },
    // The files Baseline exports and imports (src/transfer/formats.ts).
    {
      path: 'schemas/assessment-file.schema.json',
      text: render(assessmentFileSchema, 'https://baseline.invalid/schema/assessment-file-v1.json'),
    },
    {
      path: 'schemas/backup-file.schema.json',
      text: render(backupFileSchema, 'https://baseline.invalid/schema/backup-file-v1.json'),
    },
    {
      path: 'schemas/encrypted-file.schema.json',
      text: render(encryptedFileSchema, 'https://baseline.invalid/schema/encrypted-file-v1.json'),
    },
    {
      path: 'questionnaires/schema/workshop-setup.schema.json',
      text: render(workshopSetupSchema, 'https://baseline.invalid/schema/workshop-setup-v1.json'),
    },
    {
      path: 'questionnaires/schema/workshop-answers.schema.json',
      text: render(payloadSchema, 'https://baseline.invalid/schema/workshop-answers-v1.json'),
    },
    // What a participant's app sends the room server on joining (src/room/joinNotice.ts).
    {
      path: 'questionnaires/schema/workshop-join.schema.json',
      text: render(joinNoticeSchema, 'https://baseline.invalid/schema/workshop-join-v1.json'),
    },
  ];
}
