import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import type { LoadState } from '../../../src/stores/loadState.ts';
import { startOpening, whileBusy } from '../../../src/stores/opening.ts';

describe('startOpening', () => {
  it('does nothing for the record already open and ready', async () => {
    const state = ref<LoadState>('ready');
    const flush = vi.fn(() => Promise.resolve());
    const read = vi.fn(() => Promise.resolve({ id: 'a' }));
    expect(await startOpening('a', read, { state, openId: 'a', flush })).toBeUndefined();
    expect(flush).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    expect(state.value).toBe('ready');
  });

  it('saves pending writes, then reads the record while loading', async () => {
    const state = ref<LoadState>('ready');
    const steps: string[] = [];
    const flush = () => Promise.resolve(void steps.push('flush'));
    const read = (id: string) => {
      steps.push(`read ${id} while ${state.value}`);
      return Promise.resolve({ id });
    };
    expect(await startOpening('b', read, { state, openId: 'a', flush })).toEqual({ id: 'b' });
    expect(steps).toEqual(['flush', 'read b while loading']);
    expect(state.value).toBe('loading');
  });

  it('says a record it cannot find is missing', async () => {
    const state = ref<LoadState>('idle');
    const opening = { state, openId: undefined, flush: () => Promise.resolve() };
    expect(await startOpening('gone', () => Promise.resolve(undefined), opening)).toBeUndefined();
    expect(state.value).toBe('missing');
  });
});

describe('whileBusy', () => {
  it('is busy during the work and gives its result', async () => {
    const busy = ref(false);
    expect(await whileBusy(busy, () => Promise.resolve(busy.value ? 'busy' : 'idle'))).toBe('busy');
    expect(busy.value).toBe(false);
  });

  it('is no longer busy when the work fails', async () => {
    const busy = ref(false);
    await expect(whileBusy(busy, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(busy.value).toBe(false);
  });
});
