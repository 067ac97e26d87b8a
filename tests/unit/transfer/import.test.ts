import { describe, expect, it } from 'vitest';
import { assessmentFile, MAX_FILE_BYTES, readImport } from '../../../src/transfer/index.ts';
import type { Problem } from '../../../src/validation/problems.ts';
import { answers, assessment, bytes, context, sample } from './data.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
// Tests break the file on purpose, so they edit it as untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;
const good = (): RawJson =>
  JSON.parse(JSON.stringify(assessmentFile(assessment, answers, { sharing: false, now: NOW })));

async function problems(data: unknown): Promise<Problem[]> {
  const read = await readImport(data instanceof Uint8Array ? data : bytes(data), 'file.json', context);
  if (read.status !== 'refused') throw new Error(`expected a refusal, got ${read.status}`);
  return read.problems;
}

describe('import refuses, saying what and where', () => {
  it.each([
    ['a file that is not JSON', 'hello', '$', /not valid JSON/],
    ['a file cut short', JSON.stringify(good()).slice(0, 200), '$', /not valid JSON, perhaps cut short/],
    ['another kind of JSON', { name: 'something else' }, '$', /not a Baseline export or backup/],
    ['a list instead of an object', [1, 2, 3], '$', /not a Baseline export/],
    ['a newer file version', { ...good(), version: 2 }, '$.version', /newer version of Baseline/],
    [
      'a missing name',
      (() => {
        const f = good();
        delete f.assessment.name;
        return f;
      })(),
      '$.assessment.name',
      /expected a text, found nothing/,
    ],
    [
      'an unexpected field',
      (() => {
        const f = good();
        f.assessment.owner = 'x';
        return f;
      })(),
      '$.assessment',
      /not part of this format: "owner"/,
    ],
    [
      'a prototype-polluting key',
      `{"format":"baseline.assessment","__proto__":{"polluted":true}}`,
      '$.__proto__',
      /"__proto__" is not allowed/,
    ],
    [
      'a constructor key deep inside',
      (() => {
        const f = good();
        f.answers[0].constructor = { prototype: { polluted: true } };
        return f;
      })(),
      '$.answers[0].constructor',
      /"constructor" is not allowed/,
    ],
    [
      'nesting a thousand levels deep',
      `${'['.repeat(1000)}${']'.repeat(1000)}`,
      /^\$(\[0\])+$/,
      /nested more than/,
    ],
    [
      'a text of a million characters',
      (() => {
        const f = good();
        f.answers[0].comment = 'x'.repeat(1_000_000);
        return f;
      })(),
      '$.answers[0].comment',
      /longer than any Baseline file holds/,
    ],
    [
      'a comment over the limit',
      (() => {
        const f = good();
        f.answers[0].comment = 'x'.repeat(20_001);
        return f;
      })(),
      '$.answers[0].comment',
      /at most 20000 characters/,
    ],
    [
      'an unknown questionnaire',
      (() => {
        const f = good();
        f.assessment.questionnaire.id = 'gci-2030';
        return f;
      })(),
      '$.assessment.questionnaire.id',
      /"gci-2030" is not built into this version/,
    ],
    [
      'a newer questionnaire version',
      (() => {
        const f = good();
        f.assessment.questionnaire.version = '2.0.0';
        return f;
      })(),
      '$.assessment.questionnaire.version',
      /version 2\.0\.0 .* newer than this app’s 1\.0\.0/,
    ],
    [
      'an answer this version does not accept',
      (() => {
        const f = good();
        f.answers.find((a: RawJson) => a.questionId === 'strategy.exists').response.value = 'maybe';
        return f;
      })(),
      /^\$\.answers\[\d+\]\.response\.value$/,
      /not an answer the question "strategy\.exists" accepts: expected one of "yes", "partly", "no"/,
    ],
    [
      'a question this version does not have',
      (() => {
        const f = good();
        f.answers[0].questionId = 'strategy.budget';
        return f;
      })(),
      '$.answers[0].questionId',
      /has no question "strategy\.budget"/,
    ],
    [
      'a question answered twice',
      (() => {
        const f = good();
        f.answers.push({ ...f.answers[0] });
        return f;
      })(),
      `$.answers[${answers.length}].questionId`,
      /answered twice/,
    ],
    [
      'an id that could be a key of an object',
      (() => {
        const f = good();
        f.assessment.id = '__proto__';
        return f;
      })(),
      '$.assessment.id',
      /expected an id/,
    ],
  ])('%s', async (_what, data, path, message) => {
    const found = await problems(data);
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    expect(first.file).toBe('file.json');
    if (typeof path === 'string') expect(first.path).toBe(path);
    else expect(first.path).toMatch(path);
    expect(first.message).toMatch(message);
  });

  it('refuses a file over the size limit before reading it as text', async () => {
    const found = await problems(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(found[0]?.message).toMatch(/Baseline opens files of up to 25\.0 MB/);
  });

  it('refuses bytes that are not text', async () => {
    const read = await readImport(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'photo.jpg', context);
    expect(read).toEqual({
      status: 'refused',
      problems: [
        expect.objectContaining({
          file: 'photo.jpg',
          path: '$',
          code: 'file.notText',
          message: expect.stringMatching(/not a text file/),
        }),
      ],
    });
  });

  it('leaves Object.prototype alone whatever the file holds', async () => {
    await readImport(bytes('{"__proto__":{"polluted":1},"format":"baseline.backup"}'), 'x.json', context);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('answers made against an older version of the questionnaire', () => {
  it('are carried over by question id, and what cannot be is listed', async () => {
    const file = good();
    file.assessment.questionnaire.version = '0.9.0';
    file.answers.push({
      questionId: 'strategy.budget',
      response: { kind: 'value', value: 'yes' },
      updatedAt: NOW.toISOString(),
    });
    const services = file.answers.find((a: RawJson) => a.questionId === 'cirt.services');
    services.response.value = ['handling', 'retired-option'];
    const read = await readImport(bytes(file), 'old.json', context);
    if (read.status !== 'ready') throw new Error(JSON.stringify(read));
    const [candidate] = read.candidates;
    expect(candidate?.migratedFrom).toBe('0.9.0');
    expect(candidate?.assessment.questionnaire).toEqual({ id: 'sample', version: sample.version });
    expect(candidate?.dropped).toEqual([
      { questionId: 'cirt.services', reason: 'notAccepted' },
      { questionId: 'strategy.budget', reason: 'removed' },
    ]);
    // The answer whose value no longer fits keeps its comment; the rest come over unchanged.
    expect(candidate?.answers.find((a) => a.questionId === 'cirt.services')).toEqual({
      questionId: 'cirt.services',
      comment: services.comment,
      updatedAt: services.updatedAt,
    });
    expect(candidate?.answers).toHaveLength(answers.length);
  });
});

describe('answers made against an earlier version whose questions were split', () => {
  const text = (en: string) => ({ en, ru: `${en} (ru)` });
  // The sample questionnaire as if version 2.0.0 had split an earlier "strategy.plan" into
  // the existing strategy.exists and strategy.review.
  const split = {
    ...sample,
    version: '2.0.0',
    carryOver: [
      {
        from: '1.0.0',
        questions: [
          {
            id: 'strategy.plan',
            carry: 'map' as const,
            text: text('Is there a strategy, and is it reviewed?'),
            type: 'maturity' as const,
            levels: 4,
            rules: [
              { when: { equals: 3 }, to: 'strategy.exists', value: 'yes' },
              { when: { equals: 3 }, to: 'strategy.review', value: 4 },
            ],
          },
        ],
      },
    ],
  };
  const splitContext = {
    loadQuestionnaire: (id: string) => Promise.resolve(id === sample.id ? split : undefined),
    now: () => NOW,
  };

  it('maps the earlier answer onto the questions it settles and keeps the report with the assessment', async () => {
    const file = good();
    file.answers = [
      {
        questionId: 'strategy.plan',
        response: { kind: 'value', value: 3 },
        comment: 'adopted in 2024',
        updatedAt: NOW.toISOString(),
      },
      { questionId: 'strategy.gone', response: { kind: 'value', value: 'no' }, updatedAt: NOW.toISOString() },
    ];
    const read = await readImport(bytes(file), 'old.json', splitContext);
    if (read.status !== 'ready') throw new Error(JSON.stringify(read));
    const [candidate] = read.candidates;
    expect(candidate?.migratedFrom).toBe('1.0.0');
    expect(candidate?.answers.map((a) => [a.questionId, a.response, a.comment])).toEqual([
      ['strategy.exists', { kind: 'value', value: 'yes' }, 'adopted in 2024'],
      ['strategy.review', { kind: 'value', value: 4 }, 'adopted in 2024'],
    ]);
    expect(candidate?.dropped).toEqual([{ questionId: 'strategy.gone', reason: 'removed' }]);
    expect(candidate?.assessment.carriedOver).toMatchObject({
      from: '1.0.0',
      to: '2.0.0',
      at: NOW.toISOString(),
      mapped: [{ to: ['strategy.exists', 'strategy.review'] }],
      listed: [{ questionId: 'strategy.gone' }],
    });
  });
});
