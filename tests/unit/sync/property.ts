/** The convergence property's pieces, shared by the model test and the real-server test. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Answer } from '../../../src/assessment/types.ts';
import { recordKey } from '../../../src/sync/core.ts';
import type { SyncReport } from '../../../src/sync/engine.ts';
import type { ServerRecord } from '../../../src/sync/protocol.ts';
import { sameRecord } from '../../../src/sync/records.ts';
import type { ModelDevice } from './model.ts';

export const QUESTIONS = ['strategy.exists', 'strategy.review', 'cirt.exists'] as const;

export type Command =
  | {
      kind: 'edit';
      device: number;
      question: number;
      field: 'response' | 'comment';
      text: string;
      duringSync: boolean;
    }
  | { kind: 'sync'; device: number }
  | { kind: 'resolve'; device: number; keep: 'mine' | 'theirs' }
  | { kind: 'loseAnswer'; device: number };

let texts = 0;

export function commandsArbitrary(devices: number, maxLength = 40): fc.Arbitrary<Command[]> {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const edit = fc.record({
    kind: fc.constant('edit' as const),
    device,
    question: fc.integer({ min: 0, max: QUESTIONS.length - 1 }),
    field: fc.constantFrom('response' as const, 'comment' as const),
    // Every edit writes a text never written before, so it can be looked for at the end.
    text: fc.constant(null).map(() => `v${++texts}`),
    // Typed while a sync is under way (between its push and its pull).
    duringSync: fc.boolean(),
  });
  return fc.array(
    fc.oneof(
      { weight: 5, arbitrary: edit },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('resolve' as const),
          device,
          keep: fc.constantFrom('mine' as const, 'theirs' as const),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('loseAnswer' as const), device }) },
    ),
    { maxLength },
  );
}

/** The edit texts (`v…`) found in answers. */
export function valuesHeld(...groups: (readonly unknown[] | readonly { value: unknown }[])[]): string[] {
  const found: string[] = [];
  for (const group of groups)
    for (const item of group) {
      const value =
        item && typeof item === 'object' && 'value' in item && !('questionId' in item) ? item.value : item;
      const answer = value as Answer | null | undefined;
      if (!answer || typeof answer !== 'object' || !('questionId' in answer)) continue;
      if (answer.response?.kind === 'value' && typeof answer.response.value === 'string')
        found.push(answer.response.value);
      if (answer.comment) found.push(answer.comment);
    }
  return found;
}

/** Everyone settles every conflict (each device its own way) and syncs, until nothing moves. */
export async function settle(
  devices: ModelDevice[],
  sync: (index: number) => Promise<SyncReport | undefined>,
  now: () => Date,
  chose: (index: number, key: string) => void,
): Promise<void> {
  for (let round = 0; round < 12; round++) {
    let moved = false;
    for (const [index, device] of devices.entries()) {
      for (const key of [...device.conflicts.keys()]) {
        device.resolve(key, index % 2 === 0 ? 'mine' : 'theirs', now());
        chose(index, key);
        moved = true;
      }
      const report = await sync(index);
      if (!report || report.sent > 0 || report.received > 0) moved = true;
    }
    if (!moved) return;
  }
  throw new Error('The devices did not settle');
}

/** Every device holds exactly what the server holds. */
export function checkConverged(devices: ModelDevice[], records: ServerRecord[]): void {
  const live = records.filter((record) => !record.deleted);
  for (const device of devices) {
    expect(device.conflicts.size).toBe(0);
    const keys = [...device.data.keys()].sort();
    expect(keys).toEqual(live.map((record) => recordKey(record)).sort());
    for (const record of live) {
      const mine = device.data.get(recordKey(record));
      expect(sameRecord(record.kind, mine, record.value), `${recordKey(record)} differs`).toBe(true);
    }
  }
}

type Field = 'response' | 'comment';
const fieldKey = (question: string, field: Field) => `${question}/${field}`;

function textsOf(answer: Answer | undefined): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  if (answer?.response?.kind === 'value' && typeof answer.response.value === 'string')
    found.response = answer.response.value;
  if (answer?.comment) found.comment = answer.comment;
  return found;
}

/**
 * Who knew what when: an edit may replace another only if its author had seen it (directly, or
 * through an edit that had). Each device's knowledge grows with what it holds and with both
 * sides of every conflict it was shown; each edit (and each choice on a conflict) records what
 * its device knew then. At the end, every edit of a field is the field's final text or was known
 * to the chain of edits that led to it: nothing was overwritten unseen.
 */
export class History {
  private readonly knows: Map<string, Set<string>>[];
  private readonly known = new Map<string, Set<string>>();
  readonly edits: { field: string; text: string }[] = [];

  constructor(devices: number) {
    this.knows = Array.from({ length: devices }, () => new Map());
  }

  private knowledge(device: number, field: string): Set<string> {
    const map = this.knows[device]!;
    let set = map.get(field);
    if (!set) map.set(field, (set = new Set()));
    return set;
  }

  /** A text written on a device (an edit, or a choice on a conflict that writes it again). */
  wrote(device: number, question: string, field: Field, text: string): void {
    const key = fieldKey(question, field);
    const knew = this.known.get(text) ?? new Set<string>();
    for (const seen of this.knowledge(device, key)) knew.add(seen);
    this.known.set(text, knew);
    this.edits.push({ field: key, text });
    this.knowledge(device, key).add(text);
  }

  /** What a device holds and is shown now becomes what it knows. */
  saw(device: number, model: ModelDevice): void {
    const answers = [
      ...model.data.values(),
      ...[...model.conflicts.values()].flatMap((c) => [c.mine, c.theirs]),
    ];
    for (const answer of answers as Answer[]) {
      if (!answer || typeof answer !== 'object' || !('questionId' in answer)) continue;
      for (const [field, text] of Object.entries(textsOf(answer)))
        this.knowledge(device, fieldKey(answer.questionId, field as Field)).add(text);
    }
  }

  /** A choice on a conflict writes the chosen answer's texts again, knowing both sides. */
  chose(device: number, model: ModelDevice, key: string): void {
    const answer = model.data.get(key) as Answer | undefined;
    if (!answer) return;
    for (const [field, text] of Object.entries(textsOf(answer)))
      this.wrote(device, answer.questionId, field as Field, text);
  }

  check(records: ServerRecord[]): void {
    const finals = new Map<string, string>();
    for (const record of records)
      if (record.kind === 'answer' && !record.deleted)
        for (const [field, text] of Object.entries(textsOf(record.value as Answer)))
          finals.set(fieldKey(record.part!, field as Field), text);
    for (const { field, text } of this.edits) {
      const final = finals.get(field);
      expect(final, `${field} lost every edit`).toBeDefined();
      if (text === final) continue;
      const reach = new Set<string>();
      const queue = [final!];
      while (queue.length > 0)
        for (const seen of this.known.get(queue.pop()!) ?? [])
          if (!reach.has(seen)) {
            reach.add(seen);
            queue.push(seen);
          }
      expect(reach.has(text), `${field}: ${text} was overwritten by ${final} unseen`).toBe(true);
    }
  }
}
