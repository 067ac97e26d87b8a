// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watch } from 'vue';
import { scoreAssessment } from '../../../src/scoring/index.ts';
import { loadAnswers } from '../../../src/storage/index.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';

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
