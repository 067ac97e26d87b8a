import { describe, expect, it } from 'vitest';
import { collect, missingParts, parseChunk, toChunks, type Collected } from '../../../src/workshop/chunks.ts';

/** Text that compresses poorly, so it needs several codes. */
function noise(length: number, seed = 1): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(33 + (state % 90));
  }
  return text;
}

function scanAll(texts: readonly string[], collected: Collected = {}) {
  const events = [];
  for (const text of texts) {
    const step = collect(collected, text);
    collected = step.collected;
    events.push(step.event);
  }
  return { collected, events };
}

describe('answers as a sequence of QR codes', () => {
  it('fits a short payload in one code of QR alphanumeric characters', () => {
    const chunks = toChunks('{"hello":"world"}');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^BLA1:1\/1:[0-9A-Z]{8}:[0-9A-Z]+$/);
    expect(scanAll(chunks).events).toEqual([
      { kind: 'complete', transfer: expect.any(String), text: '{"hello":"world"}' },
    ]);
  });

  it('splits a long payload and puts it together from the parts in any order, each counted once', () => {
    const text = noise(3000);
    const chunks = toChunks(text);
    expect(chunks.length).toBeGreaterThan(3);
    const shuffled = [...chunks].reverse();
    const { collected, events } = scanAll([shuffled[0]!, shuffled[0]!, ...shuffled.slice(1)]);
    expect(events[0]).toMatchObject({ kind: 'part', received: 1, count: chunks.length, repeated: false });
    expect(events[1]).toMatchObject({ kind: 'part', received: 1, repeated: true });
    expect(events.at(-1)).toEqual({ kind: 'complete', transfer: expect.any(String), text });
    expect(collected).toEqual({});
  });

  it('keeps two participants’ codes apart when they are scanned interleaved', () => {
    const a = toChunks(noise(1500, 2));
    const b = toChunks(noise(1500, 3));
    const interleaved = a.flatMap((chunk, index) => [chunk, b[index]!]);
    const done = scanAll(interleaved).events.filter((event) => event.kind === 'complete');
    expect(done.map((event) => event.kind === 'complete' && event.text)).toEqual([
      noise(1500, 2),
      noise(1500, 3),
    ]);
  });

  it('says which parts are still missing', () => {
    const chunks = toChunks(noise(2500));
    const { collected, events } = scanAll([chunks[0]!, chunks[2]!]);
    const transfer = events[0]!.kind === 'part' ? events[0]!.transfer : '';
    expect(missingParts(collected, transfer)).toEqual([2, ...chunks.slice(3).map((_, index) => index + 4)]);
  });

  it('ignores codes that are not ours, and reports parts that do not fit together', () => {
    expect(collect({}, 'https://example.org').event).toEqual({ kind: 'notOurs' });
    expect(parseChunk('BLA1:3/2:ABCDEFGH:0123')).toBeUndefined();
    const [only] = toChunks('{"a":1}');
    const tampered = only!.replace(/:([0-9A-Z]+)$/, (_, data: string) => `:${data.slice(0, -2)}ZZ`);
    expect(collect({}, tampered).event).toMatchObject({ kind: 'damaged' });
  });
});
