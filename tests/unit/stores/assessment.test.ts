// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watch } from 'vue';
import type { Answer, AnswerValue, Assessment } from '../../../src/assessment/types.ts';
import { scoreAssessment } from '../../../src/scoring/index.ts';
import {
  createJournal,
  getAssessment,
  loadAnswers,
  putAssessment,
  saveAnswer,
  updateAssessment,
} from '../../../src/storage/index.ts';
import { pendingChanges } from '../../../src/storage/assessmentChanges.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';
import { inTimeZone } from '../timeZone.ts';

beforeEach(() => {
  setActivePinia(createPinia());
});

describe('assessment stores', () => {
  it('creates an assessment from a built-in questionnaire and lists it with its progress', async () => {
    const list = useAssessmentsStore();
    const created = await list.create('  National CIRT 2026  ', 'sample');
    expect(created).toMatchObject({
      name: 'National CIRT 2026',
      questionnaire: { id: 'sample', version: '1.0.0' },
    });
    expect(list.items).toEqual([{ assessment: created, progress: { responded: 0, shown: 8 } }]);
    // 10 questions, of which two follow-ups stay hidden until their parent question is answered.
  });

  it('writes down the day a new assessment describes as it is where the person is', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T07:40:00.000Z'), toFake: ['Date'] });
    try {
      // Still the evening of 4 December in Los Angeles, whatever the day is in Greenwich.
      const created = await inTimeZone('America/Los_Angeles', () =>
        useAssessmentsStore().create('Evening', 'sample'),
      );
      expect(created).toMatchObject({ assessedOn: '2026-12-04', createdAt: '2026-12-05T07:40:00.000Z' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a questionnaire that is not built in', async () => {
    await expect(useAssessmentsStore().create('x', 'no-such-questionnaire')).rejects.toThrow(
      /no-such-questionnaire/,
    );
  });

  it('saves every answer to IndexedDB as it is given, without a save button', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = useAssessmentStore();
    await store.open(id);
    expect(store.loadState).toBe('ready');

    store.setResponse('strategy.exists', { kind: 'value', value: 'yes' });
    store.setComment('strategy.exists', 'Adopted in 2024');
    store.setResponse('gender.share', { kind: 'value', value: 31 }, { typing: true });
    await store.flush();

    const saved = await loadAnswers(id);
    expect(saved['strategy.exists']).toMatchObject({
      response: { kind: 'value', value: 'yes' },
      comment: 'Adopted in 2024',
    });
    expect(saved['gender.share']?.response).toEqual({ kind: 'value', value: 31 });
    expect(store.saveState).toBe('saved');
  });

  it('shows follow-up questions, progress and scores for the current answers', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = useAssessmentStore();
    await store.open(id);
    expect(store.visible.has('strategy.review')).toBe(false);

    store.setResponse('strategy.exists', { kind: 'value', value: 'partly' });
    store.setResponse('strategy.review', { kind: 'value', value: 5 });
    expect(store.visible.has('strategy.review')).toBe(true);
    expect(store.progress).toEqual({ responded: 2, shown: 9 });
    expect(scoreAssessment(store.questionnaire!, store.answers).pillars[0]?.score).toBe(75);
  });

  it('draws a change once the journal has written it, and the questions it reveals with it', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = useAssessmentStore();
    await store.open(id);
    await vi.waitFor(() => expect(store.drawnVisible.has('strategy.exists')).toBe(true));
    const drawn = store.drawnVisible;
    expect(drawn.has('strategy.review')).toBe(false);

    // An answer that reveals nothing leaves the drawn questions as they are (nothing to redraw).
    store.setResponse('cirt.exists', { kind: 'value', value: 'no' });
    await vi.waitFor(() =>
      expect(store.drawnAnswers['cirt.exists']?.response).toEqual({ kind: 'value', value: 'no' }),
    );
    expect(store.drawnVisible).toBe(drawn);

    // In order: the journal's write of the change completes, then the screen draws it.
    const events: string[] = [];
    const original = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')!
      .value as IDBDatabase['transaction'];
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = original.apply(this, args);
      const names = [...tx.objectStoreNames];
      if (tx.mode === 'readwrite' && names.length === 1 && names[0] === 'journal')
        tx.addEventListener('complete', () => events.push('journal written'));
      return tx;
    });
    const stop = watch(
      () => store.drawnAnswers,
      () => events.push('drawn'),
      { flush: 'sync' },
    );
    store.setResponse('strategy.exists', { kind: 'value', value: 'partly' });
    expect(store.visible.has('strategy.review')).toBe(true);
    expect(store.drawnVisible.has('strategy.review')).toBe(false);
    await vi.waitFor(() => expect(store.drawnVisible.has('strategy.review')).toBe(true));
    stop();
    spy.mockRestore();
    expect(events).toEqual(['journal written', 'drawn']);
    expect(store.drawnProgress).toEqual(store.progress);
  });

  it('reopens an assessment with its saved answers (a reload)', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = useAssessmentStore();
    await first.open(id);
    first.setResponse('cirt.exists', { kind: 'value', value: 'no' });
    await first.flush();

    setActivePinia(createPinia());
    const second = useAssessmentStore();
    await second.open(id);
    expect(second.answers['cirt.exists']?.response).toEqual({ kind: 'value', value: 'no' });
  });

  it('reports an assessment that does not exist', async () => {
    const store = useAssessmentStore();
    await store.open('missing');
    expect(store.loadState).toBe('missing');
  });
});

describe("a change to the assessment's own fields and a reload", () => {
  const withTarget = (stored: Assessment): Assessment => ({ ...stored, targets: { strategy: 10 } });

  /**
   * The change as a reload cuts it: shown and written ahead, but its transaction ends after
   * reading the stored record, before writing it (`update` fails when it runs there).
   */
  async function interruptedChange(store: ReturnType<typeof useAssessmentStore>) {
    let calls = 0;
    const update = (stored: Assessment) => {
      calls += 1;
      if (calls > 1) throw new Error('The page went away');
      return withTarget(stored);
    };
    await expect(store.changeAssessment(update)).rejects.toThrow(/went away/);
  }

  it('keeps a change the reload interrupted: the reopened assessment has it', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = useAssessmentStore();
    await first.open(id);
    await interruptedChange(first);
    expect(first.assessment?.targets).toEqual({ strategy: 10 });
    expect((await getAssessment(id))?.targets).toBeUndefined();
    expect(pendingChanges(id)).toHaveLength(1);

    setActivePinia(createPinia());
    const second = useAssessmentStore();
    await second.open(id);
    expect(second.assessment?.targets).toEqual({ strategy: 10 });
    expect((await getAssessment(id))?.targets).toEqual({ strategy: 10 });
    expect(pendingChanges(id)).toEqual([]);
  });

  it('leaves nothing written ahead once a change is saved', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = useAssessmentStore();
    await store.open(id);
    await store.changeAssessment(withTarget);
    await store.updateDetails({ name: 'Renamed' });
    expect(await getAssessment(id)).toMatchObject({ name: 'Renamed', targets: { strategy: 10 } });
    expect(pendingChanges(id)).toEqual([]);
  });

  it('applies only the fields the interrupted change set: a field another window changed is kept', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = useAssessmentStore();
    await first.open(id);
    await interruptedChange(first);
    // Another window renames it meanwhile.
    await updateAssessment(id, (stored) => ({ ...stored, name: 'Renamed elsewhere' }));

    setActivePinia(createPinia());
    const second = useAssessmentStore();
    await second.open(id);
    expect(second.assessment).toMatchObject({ name: 'Renamed elsewhere', targets: { strategy: 10 } });
  });
});

describe('an assessment made with an earlier version of a built-in questionnaire', () => {
  const AT = '2025-06-01T09:00:00.000Z';
  const value = (questionId: string, answer: AnswerValue, extra: Partial<Answer> = {}): Answer => ({
    questionId,
    response: { kind: 'value', value: answer },
    updatedAt: AT,
    ...extra,
  });

  async function storeFirstVersion(id: string): Promise<void> {
    await putAssessment({
      id,
      name: 'Made with 1.0.0',
      questionnaire: { id: 'resolution-130', version: '1.0.0' },
      createdAt: AT,
      updatedAt: AT,
    });
    await saveAnswer(id, value('cirt.exists', 'yes'));
    await saveAnswer(id, value('strategy.legal-coverage', ['cybercrime', 'data-protection']));
    await saveAnswer(id, value('cirt.response-time', 6, { comment: 'Median over 2024.' }));
  }

  it('opens on the built-in version with its answers carried, mapped or listed, once', async () => {
    await storeFirstVersion('v1');
    // A change a reload interrupted, made in 1.0.0, is carried with the rest.
    createJournal('other-tab').record({
      assessmentId: 'v1',
      answer: value('smes.basic-measures', 40, { updatedAt: '2025-06-02T00:00:00.000Z' }),
      base: undefined,
    });
    const store = useAssessmentStore();
    await store.open('v1');

    expect(store.loadState).toBe('ready');
    expect(store.assessment?.questionnaire).toEqual({ id: 'resolution-130', version: '2.0.0' });
    expect(store.questionnaire?.version).toBe('2.0.0');
    expect(store.answers['cirt.exists']?.response).toEqual({ kind: 'value', value: 'yes' });
    expect(store.answers['strategy.law-cybercrime']?.response).toEqual({ kind: 'value', value: 'yes' });
    expect(store.answers['strategy.law-data-protection']?.response).toEqual({ kind: 'value', value: 'yes' });
    expect(store.answers['strategy.law-procedure']).toBeUndefined();
    expect(store.answers['strategy.legal-coverage']).toBeUndefined();
    expect(store.answers['cirt.response-time']).toBeUndefined();

    const carried = store.assessment?.carriedOver;
    expect(carried).toMatchObject({ from: '1.0.0', to: '2.0.0', carried: ['cirt.exists'], check: [] });
    expect(carried?.mapped.map((entry) => [entry.answer.questionId, entry.to])).toEqual([
      ['strategy.legal-coverage', ['strategy.law-cybercrime', 'strategy.law-data-protection']],
    ]);
    expect(carried?.listed.map((answer) => [answer.questionId, answer.comment])).toEqual([
      ['cirt.response-time', 'Median over 2024.'],
      ['smes.basic-measures', undefined],
    ]);
    // Written to IndexedDB: a reload finds the carried answers, and does not carry them again.
    expect(Object.keys(await loadAnswers('v1')).sort()).toEqual([
      'cirt.exists',
      'strategy.law-cybercrime',
      'strategy.law-data-protection',
    ]);
    expect((await getAssessment('v1'))?.carriedOver).toEqual(carried);

    await store.dismissCarryOver();
    setActivePinia(createPinia());
    const again = useAssessmentStore();
    await again.open('v1');
    expect(again.assessment?.carriedOver?.dismissed).toBe(true);
    expect(again.assessment?.carriedOver?.listed).toHaveLength(2);
    expect(again.answers['strategy.law-cybercrime']?.response).toEqual({ kind: 'value', value: 'yes' });
  });
});
