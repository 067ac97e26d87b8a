/** `npm run schema`: writes the JSON Schemas in questionnaires/schema/ from the Zod schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/questionnaires.ts';
import { generatedSchemas } from './lib/jsonSchemas.ts';

for (const { path, text } of generatedSchemas()) {
  writeFileSync(join(ROOT, path), text);
  console.log(`wrote ${path}`);
}
