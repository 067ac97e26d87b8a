// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../../../src/stores/autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('writes a choice at once and typing once it pauses, sending the latest state', async () => {
    const state: Record<string, string> = {};
    const written: string[] = [];
    const autosave = createAutosave((key) => {
      written.push(`${key}=${state[key]}`);
      return Promise.resolve();
    }, 400);

    state.a = 'yes';
    autosave.schedule('a', true);
    for (const text of ['C', 'CI', 'CIR', 'CIRT']) {
      state.b = text;
      autosave.schedule('b');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(written).toEqual(['a=yes']);
    expect(autosave.state.value).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(written).toEqual(['a=yes', 'b=CIRT']);
    expect(autosave.state.value).toBe('saved');
  });

  it('flushes pending typing at once (before leaving the page)', async () => {
    const write = vi.fn(async () => {});
    const autosave = createAutosave(write, 400);
    autosave.schedule('comment');
    await autosave.flush();
    expect(write).toHaveBeenCalledWith('comment');
    expect(autosave.state.value).toBe('saved');
  });

  it('keeps a failed write pending, reports it, and succeeds on retry', async () => {
    let fail = true;
    const write = vi.fn(() => (fail ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()));
    const autosave = createAutosave(write, 400);
    autosave.schedule('a', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);
    expect(autosave.state.value).toBe('error');
    expect((autosave.error.value as Error).message).toBe('QuotaExceededError');

    fail = false;
    await autosave.retry();
    expect(write).toHaveBeenCalledTimes(2);
    expect(autosave.state.value).toBe('saved');
    expect(autosave.error.value).toBeUndefined();
  });

  it('writes one key at a time, in the order asked', async () => {
    const order: string[] = [];
    const autosave = createAutosave(async (key) => {
      order.push(`start ${key}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push(`end ${key}`);
    }, 400);
    autosave.schedule('a', true);
    autosave.schedule('b', true);
    await vi.advanceTimersByTimeAsync(200);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
