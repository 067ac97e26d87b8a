/**
 * What the largest input costs, for each way data comes in: hostile texts of exactly the
 * path's size limit, each through the path's own entry point (the fuzz suite's, in
 * `tests/fuzz/paths.ts`), refused or read. The issue's bound: under a second each. Shapes:
 * one object as wide as the text allows, one list as long, a list of small objects, one text
 * of escapes, nesting as deep. The figure per path is the slowest shape, in CPU time of this
 * process (on a shared machine, the time on the clock says more about the others' load).
 */
import { MAX_JOIN_NOTICE_BYTES } from '../../../src/room/joinNotice.ts';
import { MAX_PROFILE_FILE_BYTES } from '../../../src/profiles/file.ts';
import { MAX_FILE_BYTES } from '../../../src/transfer/limits.ts';
import { toChunks } from '../../../src/workshop/chunks.ts';
import { MAX_PAYLOAD_BYTES } from '../../../src/workshop/payload.ts';
import { MAX_SETUP_FILE_BYTES } from '../../../src/workshop/setup.ts';
import { PATHS, type FuzzPath } from '../../../tests/fuzz/paths.ts';
import type { Figure, Measurement } from '../measurement.ts';

/** The longest text a join code or link is read from (longer is refused unread). */
const MAX_JOIN_TEXT = 2_000;

/** `text` followed by spaces up to exactly `bytes` (every shape is ASCII: one byte a character). */
function exactly(bytes: number, text: string): string {
  if (text.length > bytes) throw new Error(`A shape of ${text.length} bytes for a limit of ${bytes}`);
  return text + ' '.repeat(bytes - text.length);
}

/** Repeats `unit` between `open` and `close` as often as `bytes` allows. */
function filled(bytes: number, open: string, unit: (index: number) => string, close: string): string {
  const parts = [open];
  let length = open.length + close.length;
  for (let index = 0; ; index++) {
    const next = (index > 0 ? ',' : '') + unit(index);
    if (length + next.length > bytes) break;
    parts.push(next);
    length += next.length;
  }
  parts.push(close);
  return exactly(bytes, parts.join(''));
}

const SHAPES: Record<string, (bytes: number) => string> = {
  'wide object': (bytes) => filled(bytes, '{', (index) => `"k${index}":0`, '}'),
  'long list': (bytes) => filled(bytes, '[', () => '0', ']'),
  'list of small objects': (bytes) => filled(bytes, '[', () => '{"a":[0]}', ']'),
  'text of escapes': (bytes) => exactly(bytes, `{"t":"${'\\u00e9'.repeat(Math.floor((bytes - 8) / 6))}"}`),
  'deep nesting': (bytes) =>
    exactly(bytes, '['.repeat(Math.floor(bytes / 2)) + ']'.repeat(Math.floor(bytes / 2))),
};

interface Target {
  /** The size limit of the path's input, in bytes. */
  bytes: number;
  /** The path's input carrying a shape's text. */
  frame: (text: string) => string | undefined;
}

const asIs = (text: string) => text;

const TARGETS: Record<string, Target> = {
  'assessment and backup import': { bytes: MAX_FILE_BYTES, frame: asIs },
  'workshop answers': { bytes: MAX_PAYLOAD_BYTES, frame: asIs },
  'weight profiles': { bytes: MAX_PROFILE_FILE_BYTES, frame: asIs },
  'workshop set-up files': { bytes: MAX_SETUP_FILE_BYTES, frame: asIs },
  // A pasted join link that long, the shape after its `#/join/`.
  'join codes and links': { bytes: MAX_JOIN_TEXT, frame: (text) => `#/join/${text}`.slice(0, MAX_JOIN_TEXT) },
  // The answers file's text as QR codes (compressed, as a participant's device shows them);
  // a shape too large to show as codes cannot be scanned, so it is not measured.
  'QR parts': {
    bytes: MAX_PAYLOAD_BYTES,
    frame: (text) => {
      try {
        return JSON.stringify(toChunks(text, 2_000));
      } catch {
        return undefined;
      }
    },
  },
  // The largest request: a participant's answers; a join notice has its own, smaller limit.
  'room server checks': { bytes: MAX_PAYLOAD_BYTES, frame: (text) => `submission\n${text}` },
};

/** The limit exactly, as the code has it (25 MB there is 25 × 1024 × 1024 bytes). */
const sizeOf = (bytes: number) => `${bytes.toLocaleString('en')} bytes`;

interface Input {
  path: FuzzPath;
  label: string;
  inputs: string[];
}

let inputs: Input[] = [];

const measurement: Measurement = {
  name: 'input guard (largest inputs)',
  runs: 3,
  setup() {
    inputs = PATHS.map((path) => {
      const target = TARGETS[path.name];
      if (!target) throw new Error(`No size limit known for the path "${path.name}"`);
      const framed = Object.values(SHAPES)
        .map((shape) => target.frame(shape(target.bytes)))
        .filter((input): input is string => input !== undefined);
      const size =
        target.bytes >= 1024 * 1024 ? `${target.bytes / 1024 / 1024} MB` : `${target.bytes / 1000} kB`;
      return {
        path,
        label: `${path.name}: slowest of ${framed.length} shapes at the limit (${size})`,
        inputs: framed,
      };
    });
    // The join notice's own limit, through the room server's join check.
    const room = PATHS.find((path) => path.name === 'room server checks')!;
    inputs.push({
      path: room,
      label: `room server checks, join notice: slowest of ${Object.keys(SHAPES).length} shapes at the limit (${sizeOf(MAX_JOIN_NOTICE_BYTES)})`,
      inputs: Object.values(SHAPES).map((shape) => `join\n${shape(MAX_JOIN_NOTICE_BYTES)}`),
    });
  },
  async measure(): Promise<Figure[]> {
    const figures: Figure[] = [];
    for (const { path, label, inputs: texts } of inputs) {
      let slowest = 0;
      for (const text of texts) {
        const before = process.cpuUsage();
        await path.run(text);
        const used = process.cpuUsage(before);
        slowest = Math.max(slowest, (used.user + used.system) / 1000);
      }
      figures.push({ label, value: slowest, unit: 'ms CPU' });
    }
    return figures;
  },
};

export default measurement;
