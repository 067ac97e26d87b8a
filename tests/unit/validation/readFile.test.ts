// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { joinFromSetupFile } from '../../../src/components/workshop/joinSources.ts';
import { readQuestionnaireFile } from '../../../src/questionnaire/readFile.ts';
import { useWeightProfilesStore } from '../../../src/stores/weightProfiles.ts';
import { IMPORT_LIMITS } from '../../../src/transfer/index.ts';
import { readChosenFile, type ChosenFile } from '../../../src/validation/readFile.ts';
import { readAnswersFile } from '../../../src/workshop/importer.ts';
import { readWorkbook } from '../../../src/workbook/spreadsheet.ts';

beforeEach(() => {
  setActivePinia(createPinia());
});

/** A file as the browser gives it: its name, its size and its bytes. */
const file = (name: string, text: string): File => new File([text], name, { type: 'application/json' });

/** A file that says it is `size` bytes and fails the test if anything reads it. */
const unread = (name: string, size: number): ChosenFile & { size: number } => ({
  name,
  size,
  text: () => Promise.reject(new Error('read a file over the limit')),
  arrayBuffer: () => Promise.reject(new Error('read a file over the limit')),
});

/** `{"a": {"a": … 40 levels … }}`: deeper than every path's limit (32 at most). */
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const DEEP = deep(40);

const tooDeep = (name: string) => ({ ok: false, error: [{ file: name, code: 'file.tooDeep' }] });

describe('the one file reader', () => {
  it('refuses a file over the size limit without reading it, naming the file', async () => {
    const read = await readChosenFile(unread('big.json', IMPORT_LIMITS.bytes + 1), IMPORT_LIMITS);
    expect(read).toMatchObject({
      ok: false,
      error: [{ file: 'big.json', path: '$', code: 'file.tooLarge' }],
    });
  });

  it('refuses bytes that are not text, and locates nesting deeper than the limits', async () => {
    const picture = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'photo.json');
    expect(await readChosenFile(picture, IMPORT_LIMITS)).toMatchObject({
      ok: false,
      error: [{ file: 'photo.json', code: 'file.notText' }],
    });
    const read = await readChosenFile(file('deep.json', DEEP), IMPORT_LIMITS);
    expect(read).toMatchObject(tooDeep('deep.json'));
    if (read.ok) return;
    expect(read.error[0]!.path).toBe(`$${'.a'.repeat(32)}`);
  });

  it('gives the text and the parsed value of a good file', async () => {
    const read = await readChosenFile(file('ok.json', '{"format": "baseline.assessment"}'), IMPORT_LIMITS);
    expect(read).toEqual({
      ok: true,
      value: { text: '{"format": "baseline.assessment"}', value: { format: 'baseline.assessment' } },
    });
  });

  it('is the reader of every path: questionnaires, weight profiles, set-up files and answers', async () => {
    expect(await readQuestionnaireFile(file('mine.json', DEEP), new Set<string>())).toMatchObject(
      tooDeep('mine.json'),
    );

    const profiles = useWeightProfilesStore();
    await profiles.ensureLoaded();
    expect(await profiles.importFile(file('weights.json', deep(9)))).toMatchObject(tooDeep('weights.json'));

    expect(await joinFromSetupFile(file('workshop.json', DEEP))).toMatchObject(tooDeep('workshop.json'));

    const answers = await readAnswersFile(file('answers.json', deep(11)));
    expect(answers).toMatchObject({
      ok: false,
      error: { reason: 'invalid', problems: [{ file: 'answers.json', code: 'file.tooDeep' }] },
    });
    const large = await readAnswersFile(unread('answers.json', 3_000_000));
    expect(large).toMatchObject({
      ok: false,
      error: { reason: 'tooLarge', problems: [{ code: 'answers.tooLarge' }] },
    });
  });

  it('holds a workbook to the same size limit, and names a file that is no workbook', async () => {
    const big = new ArrayBuffer(IMPORT_LIMITS.bytes + 1);
    expect(await readWorkbook(big, 'big.xlsx', new Set())).toMatchObject({
      ok: false,
      error: [{ file: 'big.xlsx', path: '$', code: 'file.tooLarge' }],
    });
    expect(
      await readWorkbook(new TextEncoder().encode('not a zip').buffer, 'notes.xlsx', new Set()),
    ).toMatchObject({
      ok: false,
      error: [{ file: 'notes.xlsx', code: 'workbook.unreadable' }],
    });
  });
});
