import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/questionnaires.ts';
import {
  assessmentFile,
  backupFile,
  encrypt,
  exportedResults,
  MIN_ITERATIONS,
  readImport,
  type ImportRead,
} from '../../../src/transfer/index.ts';
import type { Assessment } from '../../../src/assessment/types.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { analyse } from '../../../src/analysis/index.ts';
import { profile } from '../analysis/profile.ts';
import { answers, assessment, bytes, context, sample } from './data.ts';

const byId = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));

const NOW = new Date('2026-03-01T12:00:00.000Z');

function ready(read: ImportRead) {
  if (read.status !== 'ready') throw new Error(`expected a readable file, got ${JSON.stringify(read)}`);
  return read;
}

describe('export → import round trips', () => {
  it('gives back the same assessment and answers from a plain file', async () => {
    const file = assessmentFile(assessment, answers, { sharing: false, now: NOW });
    const read = ready(await readImport(bytes(JSON.stringify(file, null, 2)), 'a.json', context));
    expect(read).toMatchObject({ format: 'baseline.assessment', encrypted: false });
    expect(read.candidates).toHaveLength(1);
    const [candidate] = read.candidates;
    expect(candidate?.assessment).toEqual(assessment);
    expect(candidate?.answers).toEqual([...answers].sort((a, b) => a.questionId.localeCompare(b.questionId)));
    expect(candidate).toMatchObject({ dropped: [], sharing: false });
    expect(candidate?.migratedFrom).toBeUndefined();
  });

  it('carries the figures computed with the assessment’s own settings, and reads them back as a file to import', async () => {
    const analysis = analyse(sample, byId, {
      profile: profile({ id: 'delegation-a', appliesTo: ['sample'], pillars: { cirt: 3 } }),
      targets: { cirt: 40 },
    });
    const results = exportedResults(analysis);
    expect(results).toMatchObject({
      profile: { id: 'delegation-a', version: '1.0.0' },
      groupBy: 'pillar',
      state: analysis.state,
      finalCoverage: 0.9,
      overall: { score: analysis.overall.score, provisional: analysis.overall.provisional },
    });
    const cirt = results.pillars.find((entry) => entry.id === 'cirt');
    expect(cirt).toMatchObject({ target: 40, provisional: false, band: expect.any(String) });
    // A provisional pillar gives no band: it is not a verdict yet.
    expect(results.pillars.find((entry) => entry.id === 'gender')).toMatchObject({
      provisional: true,
      band: null,
    });

    const file = assessmentFile(assessment, answers, { sharing: false, now: NOW, results });
    const read = ready(await readImport(bytes(JSON.stringify(file)), 'a.json', context));
    expect(read.candidates[0]?.assessment).toEqual(assessment);
  });

  it('gives back the same assessment from an encrypted file with the right passphrase', async () => {
    const file = assessmentFile(assessment, answers, { sharing: false, now: NOW });
    const sealed = await encrypt(JSON.stringify(file), 'correct horse battery staple', file.format);
    expect(sealed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS });
    expect(JSON.stringify(sealed)).not.toContain('Petrova');

    const locked = await readImport(bytes(sealed), 'a.json', context);
    expect(locked).toEqual({ status: 'locked', contains: 'baseline.assessment' });

    const read = ready(
      await readImport(bytes(sealed), 'a.json', { ...context, passphrase: 'correct horse battery staple' }),
    );
    expect(read.encrypted).toBe(true);
    expect(read.candidates[0]?.assessment).toEqual(assessment);
    expect(read.candidates[0]?.answers).toHaveLength(answers.length);
  });

  it('refuses a wrong passphrase, and a file changed after it was encrypted', async () => {
    const file = assessmentFile(assessment, answers, { sharing: false, now: NOW });
    const sealed = await encrypt(JSON.stringify(file), 'correct horse battery staple', file.format);
    const wrong = await readImport(bytes(sealed), 'a.json', {
      ...context,
      passphrase: 'Correct horse battery staple',
    });
    expect(wrong).toEqual({
      status: 'refused',
      problems: [
        expect.objectContaining({
          file: 'a.json',
          path: '$.data',
          code: 'import.wrongPassphrase',
          message: expect.stringMatching(/passphrase is wrong/),
        }),
      ],
    });

    const data = sealed.data;
    const flipped = `${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}`;
    const tampered = await readImport(bytes({ ...sealed, data: flipped }), 'a.json', {
      ...context,
      passphrase: 'correct horse battery staple',
    });
    expect(tampered.status).toBe('refused');

    // The declared content is bound to the ciphertext: relabelling it breaks decryption.
    const relabelled = await readImport(bytes({ ...sealed, contains: 'baseline.backup' }), 'a.json', {
      ...context,
      passphrase: 'correct horse battery staple',
    });
    expect(relabelled.status).toBe('refused');
  });

  it('uses a fresh salt and IV for every file', async () => {
    const first = await encrypt('{}', 'correct horse battery staple', 'baseline.backup');
    const second = await encrypt('{}', 'correct horse battery staple', 'baseline.backup');
    expect(first.kdf.salt).not.toBe(second.kdf.salt);
    expect(first.cipher.iv).not.toBe(second.cipher.iv);
    expect(first.data).not.toBe(second.data);
  });

  it('a sharing export leaves out restricted comments and evidence, and names of people', async () => {
    const file = assessmentFile(assessment, answers, { sharing: true, now: NOW });
    const text = JSON.stringify(file);
    expect(text).not.toContain('Petrova');
    expect(text).not.toContain('minister named');
    expect(text).not.toContain('Cabinet memo 7');
    expect(text).toContain('Decree 12/2025');
    const read = ready(await readImport(bytes(text), 's.json', context));
    const candidate = read.candidates[0]!;
    expect(candidate.sharing).toBe(true);
    expect(candidate.assessment.preparedBy).toBeUndefined();
    const strategy = candidate.answers.find((answer) => answer.questionId === 'strategy.exists');
    expect(strategy).toEqual({
      questionId: 'strategy.exists',
      response: { kind: 'value', value: 'partly' },
      evidence: [{ id: 'e1', reference: 'Decree 12/2025', access: 'public' }],
      updatedAt: '2026-02-01T09:30:00.000Z',
    });
    // Answers, public comments and hostile-looking text come through as plain data.
    expect(candidate.answers).toHaveLength(answers.length);
  });

  it('carries targets, the weight profile and workshop records through, without a participant’s name when sharing', async () => {
    const profile = JSON.parse(
      readFileSync(join(ROOT, 'questionnaires/weights/equal.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete profile.$schema;
    const fromWorkshop: Assessment = {
      ...assessment,
      targets: { cirt: 80 },
      weightProfile: profile as unknown as WeightProfile,
      workshop: {
        join: {
          id: '0123456789ABC',
          name: 'Regional workshop',
          questionnaire: assessment.questionnaire,
          groups: [{ id: 'government' }, { id: 'regulators', label: 'Regulators' }],
          anonymous: false,
        },
        participantId: 'p-1',
        group: 'regulators',
        name: 'Anna Petrova',
        joinedAt: '2026-02-01T09:00:00.000Z',
      },
      provenance: {
        kind: 'workshopConsensus',
        workshopId: '0123456789ABC',
        workshopName: 'Regional workshop',
        questionnaire: assessment.questionnaire,
        participants: { total: 12, byGroup: { government: 7, regulators: 5 } },
        groupLabels: { regulators: 'Regulators' },
        agreement: 0.71,
        agreementByPillar: { strategy: 0.8, cirt: null },
        dissent: { 'cirt.exists': 'Two regulators hold that the CIRT has no formal mandate.' },
        decidedAt: '2026-02-01T16:00:00.000Z',
      },
    };
    const plain = ready(
      await readImport(
        bytes(assessmentFile(fromWorkshop, answers, { sharing: false, now: NOW })),
        'w.json',
        context,
      ),
    );
    expect(plain.candidates[0]!.assessment).toEqual(fromWorkshop);

    const shared = ready(
      await readImport(
        bytes(assessmentFile(fromWorkshop, answers, { sharing: true, now: NOW })),
        'w.json',
        context,
      ),
    );
    const { name: _, ...anonymous } = fromWorkshop.workshop!;
    expect(shared.candidates[0]!.assessment.workshop).toEqual(anonymous);
    expect(JSON.stringify(shared)).not.toContain('Anna Petrova');
    expect(shared.candidates[0]!.assessment.provenance).toEqual(fromWorkshop.provenance);
  });

  it('a backup gives back every assessment', async () => {
    const second = { ...assessment, id: 'b-2', name: 'Second' };
    const file = backupFile(
      [
        { assessment, answers },
        { assessment: second, answers: answers.slice(0, 2) },
      ],
      NOW,
    );
    const read = ready(await readImport(bytes(file), 'backup.json', context));
    expect(read.format).toBe('baseline.backup');
    expect(read.candidates.map((c) => [c.path, c.assessment.name, c.answers.length])).toEqual([
      ['$.assessments[0]', assessment.name, answers.length],
      ['$.assessments[1]', 'Second', 2],
    ]);
  });
});

describe('the JSON Schemas in schemas/', () => {
  it('accept what Baseline exports and reject a broken file, for tools that use them directly', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const load = (name: string) =>
      ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object);
    const results = exportedResults(analyse(sample, byId, { profile: profile({ appliesTo: ['sample'] }) }));
    const single = assessmentFile(assessment, answers, { sharing: false, now: NOW, results });
    const validSingle = load('assessment-file.schema.json');
    expect(validSingle(JSON.parse(JSON.stringify(single))), JSON.stringify(validSingle.errors)).toBe(true);
    expect(validSingle({ ...single, answers: [{ questionId: 'x' }] })).toBe(false);
    const validBackup = load('backup-file.schema.json');
    expect(validBackup(JSON.parse(JSON.stringify(backupFile([{ assessment, answers }], NOW))))).toBe(true);
    const validSealed = load('encrypted-file.schema.json');
    const sealed = await encrypt(JSON.stringify(single), 'correct horse battery staple', single.format);
    expect(validSealed(sealed), JSON.stringify(validSealed.errors)).toBe(true);
    expect(validSealed({ ...sealed, kdf: { ...sealed.kdf, iterations: 1000 } })).toBe(false);
  });
});

describe('earlier answers kept by a carry-over', () => {
  const AT = '2026-02-01T09:30:00.000Z';
  const kept = {
    questionId: 'strategy.old',
    response: { kind: 'value' as const, value: 'yes' },
    comment: 'internal note',
    commentAccess: 'restricted' as const,
    evidence: [
      { id: 'k1', reference: 'Public decree', access: 'public' as const },
      { id: 'k2', reference: 'Internal memo', access: 'restricted' as const },
    ],
    updatedAt: AT,
  };
  const carried = {
    ...assessment,
    carriedOver: { from: '0.9.0', to: '1.0.0', at: AT, carried: [], check: [], mapped: [], listed: [kept] },
  };

  it('travel in a full export and come back unchanged', async () => {
    const file = assessmentFile(carried, answers, { sharing: false, now: NOW });
    const read = await readImport(bytes(file), 'full.json', context);
    if (read.status !== 'ready') throw new Error(JSON.stringify(read));
    expect(read.candidates[0]?.assessment.carriedOver).toEqual(carried.carriedOver);
  });

  it('leave their restricted comment and evidence out of a sharing export', () => {
    const file = assessmentFile(carried, answers, { sharing: true, now: NOW });
    expect(file.assessment.carriedOver?.listed).toEqual([
      {
        questionId: 'strategy.old',
        response: { kind: 'value', value: 'yes' },
        evidence: [{ id: 'k1', reference: 'Public decree', access: 'public' }],
        updatedAt: AT,
      },
    ]);
  });
});
