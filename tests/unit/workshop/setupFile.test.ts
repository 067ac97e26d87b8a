import { describe, expect, it } from 'vitest';
import { readSetup } from '../../../src/workshop/setup.ts';
import { readSetupFile, setupFileText } from '../../../src/workshop/setupFile.ts';
import { QUESTIONNAIRE, workshop } from './fixtures.ts';

describe('the workshop set-up file', () => {
  it('is the set-up alone for a built-in questionnaire, read as before', () => {
    const { setup } = workshop({ sealed: true });
    const text = setupFileText(setup);
    expect(readSetupFile(text, 'workshop.json')).toEqual({ ok: true, value: { setup } });
    expect(readSetup(text, 'workshop.json')).toEqual({ ok: true, value: setup });
  });

  it('carries an added questionnaire whole, for the participant’s device to validate', () => {
    const { setup } = workshop();
    const read = readSetupFile(setupFileText(setup, QUESTIONNAIRE), 'workshop.json');
    expect(read).toEqual({ ok: true, value: { setup, questionnaire: QUESTIONNAIRE } });
  });

  it('refuses a carried questionnaire that is not the one the set-up names, saying where', () => {
    const { setup } = workshop();
    const read = readSetupFile(setupFileText(setup, { ...QUESTIONNAIRE, version: '2.0.0' }), 'w.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toEqual([
      expect.objectContaining({
        file: 'w.json',
        path: '$.questionnaireFile',
        code: 'workshop.carriedQuestionnaire',
        params: { id: 'r130', version: '1.2.0', carried: 'r130', carriedVersion: '2.0.0' },
      }),
    ]);
    const notAnObject = readSetupFile(JSON.stringify({ ...setup, questionnaireFile: 'r130' }), 'w.json');
    expect(notAnObject.ok).toBe(false);
  });

  it('holds the set-up part to the set-up’s own limits, however large the questionnaire', () => {
    const { setup } = workshop();
    const groups = Array.from({ length: 500 }, (_, index) => ({ id: `g${index}`, label: 'x' }));
    const read = readSetupFile(setupFileText({ ...setup, groups }, QUESTIONNAIRE), 'w.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error[0]).toMatchObject({ code: 'file.tooManyItems' });
  });
});
