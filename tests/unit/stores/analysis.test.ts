// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { getAssessment, listSavedProfiles } from '../../../src/storage/index.ts';
import { useAnalysisStore } from '../../../src/stores/analysis.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';
import { useWeightProfilesStore } from '../../../src/stores/weightProfiles.ts';

beforeEach(() => {
  setActivePinia(createPinia());
});

const copyText = (base: WeightProfile) => ({
  title: { en: `Copy of ${base.title.en ?? base.id}` },
  rationale: { en: 'Changed in a test.' },
});

const file = (name: string, text: string) => ({
  name,
  size: new Blob([text]).size,
  text: () => Promise.resolve(text),
});

/** An open sample assessment with strategy at 100 and everything else unanswered. */
async function openSample() {
  // Every store of this test comes from its own Pinia: a store left over from an earlier test can
  // still run an action meanwhile, and an action makes its own Pinia the active one.
  const [analysis, assessments, assessment, profiles] = [
    useAnalysisStore(),
    useAssessmentsStore(),
    useAssessmentStore(),
    useWeightProfilesStore(),
  ];
  const { id } = await assessments.create('A', 'sample');
  await assessment.open(id);
  await profiles.ensureLoaded();
  assessment.setResponse('strategy.exists', { kind: 'value', value: 'yes' });
  assessment.setResponse('strategy.review', { kind: 'value', value: 5 });
  await assessment.flush();
  return { id, analysis };
}

describe('analysis store', () => {
  it('scores with the first built-in profile that applies until another is chosen', async () => {
    const { analysis } = await openSample();
    expect(analysis.profile?.id).toBe('equal');
    expect(analysis.analysis.value?.overall.score).toBeCloseTo(100 / 6);
    expect(analysis.plan[0]?.groupId).toBe('cirt');
  });

  it('saves a target with the assessment, and ignores one outside 0 to 100', async () => {
    const { id, analysis } = await openSample();
    await analysis.setTarget('cirt', 20);
    await analysis.setTarget('skills', 140);
    expect((await getAssessment(id))?.targets).toEqual({ cirt: 20 });
    expect(analysis.targets).toMatchObject({ cirt: 20, skills: 60 });
    expect(analysis.plan[0]?.groupId).toBe('skills');
    await analysis.resetTargets();
    expect((await getAssessment(id))?.targets).toBeUndefined();
  });

  it('copies a built-in profile on the first edit, and saves the copy with the assessment', async () => {
    const { id, analysis } = await openSample();
    await analysis.editProfile(
      (profile) => ({ ...profile, pillars: { ...profile.pillars, gender: 3 } }),
      copyText,
    );
    expect(analysis.profile).toMatchObject({ basedOn: 'equal', title: { en: 'Copy of Equal weights' } });
    expect(analysis.profile?.id).toMatch(/^custom-/);
    expect(analysis.modified).toBe(true);
    expect(useWeightProfilesStore().find('equal')?.pillars?.gender).toBe(1);
    expect((await getAssessment(id))?.weightProfile?.pillars?.gender).toBe(3);
    expect(analysis.plan[0]?.groupId).toBe('gender');

    await analysis.resetProfile();
    expect(analysis.profile?.id).toBe('equal');
  });

  it('saves an edited profile in the library, and a later change gets the next version', async () => {
    const { analysis } = await openSample();
    await analysis.editProfile(
      (profile) => ({ ...profile, pillars: { ...profile.pillars, cirt: 2 } }),
      copyText,
    );
    const first = await analysis.saveProfile();
    expect(first?.ok).toBe(true);
    expect(analysis.modified).toBe(false);
    await analysis.editProfile(
      (profile) => ({ ...profile, pillars: { ...profile.pillars, cirt: 4 } }),
      copyText,
    );
    expect(analysis.modified).toBe(true);
    await analysis.saveProfile();
    const saved = await listSavedProfiles();
    expect(saved.map((profile) => [profile.version, profile.pillars?.cirt])).toEqual([['1.0.1', 4]]);
  });

  it('refuses to save weights that cannot give a score, and stores nothing', async () => {
    const { analysis } = await openSample();
    const zero = Object.fromEntries(
      ['strategy', 'cirt', 'skills', 'gender', 'smes', 'awareness'].map((id) => [id, 0]),
    );
    await analysis.editProfile((profile) => ({ ...profile, pillars: zero }), copyText);
    expect(analysis.analysis.error).toMatchObject({
      code: 'weights.allPillarsZero',
      message: expect.stringMatching(/give at least one pillar a weight above 0/),
    });
    const result = await analysis.saveProfile();
    expect(result?.ok).toBe(false);
    expect(await listSavedProfiles()).toEqual([]);
  });

  it('compares the profile in use with another and follows the chosen grouping', async () => {
    const { analysis } = await openSample();
    analysis.setCompareWith('resolution-130-priorities');
    expect(analysis.comparison.value?.rows.map((row) => row.groupId)).toEqual([
      'strategy',
      'cirt',
      'skills',
      'gender',
      'smes',
      'awareness',
    ]);
    analysis.setGrouping('gciPillar');
    expect(analysis.analysis.value?.groups.map((group) => group.pillarId)).toContain('legal');
    expect(analysis.comparison.value?.rows[0]?.groupId).toBe('legal');
    await analysis.chooseProfile(useWeightProfilesStore().find('equal') as WeightProfile);
    expect(analysis.groupBy).toBe('pillar');
  });
});

describe('weight profile library', () => {
  const shared = {
    kind: 'weightProfile',
    format: 1,
    id: 'delegation-a',
    version: '1.0.0',
    title: { en: 'Delegation A' },
    rationale: { en: 'Skills first (R130/recognizing/workforce-shortage).' },
    appliesTo: ['resolution-130', 'resolution-130-quick'],
    pillars: { skills: 4 },
  };

  it('imports a valid profile file, and the same file again changes nothing', async () => {
    const profiles = useWeightProfilesStore();
    await profiles.ensureLoaded();
    const first = await profiles.importFile(file('a.json', JSON.stringify(shared)));
    expect(first).toMatchObject({ ok: true, renamed: false, unchanged: false });
    expect(profiles.forQuestionnaire('resolution-130-quick').map((profile) => profile.id)).toContain(
      'delegation-a',
    );
    expect(profiles.forQuestionnaire('sample').map((profile) => profile.id)).not.toContain('delegation-a');
    const again = await profiles.importFile(file('a.json', JSON.stringify(shared)));
    expect(again).toMatchObject({ ok: true, unchanged: true });
    expect(await listSavedProfiles()).toHaveLength(1);
  });

  it('keeps a different profile with a taken id as a copy, never over a built-in one', async () => {
    const profiles = useWeightProfilesStore();
    await profiles.ensureLoaded();
    const result = await profiles.importFile(file('equal.json', JSON.stringify({ ...shared, id: 'equal' })));
    expect(result).toMatchObject({ ok: true, renamed: true });
    expect(result.ok && result.profile.id).toMatch(/^imported-/);
    expect(profiles.find('equal')?.title.en).toBe('Equal weights');
  });

  it('refuses an invalid or oversized file with located problems, and stores nothing', async () => {
    const profiles = useWeightProfilesStore();
    await profiles.ensureLoaded();
    const invalid = await profiles.importFile(
      file('b.json', JSON.stringify({ ...shared, pillars: { skills: -4 } })),
    );
    expect(invalid).toMatchObject({
      ok: false,
      error: [
        expect.objectContaining({
          file: 'b.json',
          path: '$.pillars.skills',
          code: 'expected.weight',
          message: 'expected a weight from 0 to 1000',
        }),
      ],
    });
    const huge = await profiles.importFile({
      name: 'c.json',
      size: 5_000_000,
      text: () => Promise.reject(new Error('read')),
    });
    expect(huge).toMatchObject({
      ok: false,
      error: [{ path: '$', message: expect.stringMatching(/KB/) }],
    });
    expect(await listSavedProfiles()).toEqual([]);
  });
});
