/**
 * The room server's folder (`room-data/` unless `--data` says otherwise), one folder per workshop:
 *
 *     <workshopId>/workshop.json                     the set-up and join code, since collecting began
 *                                                    (and the questionnaire, when an added one)
 *     <workshopId>/submissions/<participantId>.json  a participant's answers, as checked (written anew)
 *     <workshopId>/joins/<participantId>.json        their join notice
 *
 * Every file is written durably: to a temporary file, flushed to the disk, then renamed over the
 * old one (write-file-atomic), and the folder is flushed too, so a power cut leaves either the
 * old file or the new one. The answers files are ordinary Baseline answers files: a facilitator
 * can also import them by hand.
 */
import { mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { roomWorkshopSchema, type RoomWorkshop } from '../../src/room/checks.ts';
import { joinNoticeSchema, type JoinNotice } from '../../src/room/joinNotice.ts';
import { parseJsonText, parseWithSchema } from '../../src/validation/parse.ts';
import { formatProblem } from '../../src/validation/problems.ts';
import { payloadSchema, type Payload } from '../../src/workshop/payload.ts';
import { workshopIdSchema } from '../../src/workshop/setup.ts';

const PARTICIPANT_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

export interface ReceivedFile {
  name: string;
  text: string;
  receivedAt: string;
  payload: Payload;
}

async function writeDurably(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text, { encoding: 'utf8', mode: 0o600, fsync: true });
  // The rename is only durable once the folder itself is flushed (not possible on every system).
  const folder = await open(join(path, '..'), 'r').catch(() => undefined);
  if (!folder) return;
  try {
    await folder.sync();
  } catch {
    // Windows cannot flush a folder; the rename is still atomic there.
  } finally {
    await folder.close();
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function participantFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => PARTICIPANT_FILE.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export type RoomData = Awaited<ReturnType<typeof openRoomData>>;

/**
 * Opens (creating it if needed) the data folder and reads the workshops that collect here, so a
 * restarted server carries on where it stopped. Files that are not what they should be are
 * reported through `warn` and left alone.
 */
export async function openRoomData(root: string, warn: (message: string) => void = () => undefined) {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const workshops = new Map<string, RoomWorkshop>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !workshopIdSchema.safeParse(entry.name).success) continue;
    const file = join(root, entry.name, 'workshop.json');
    const text = await readIfExists(file);
    if (text === undefined) continue;
    const json = parseJsonText(text, file);
    const parsed = json.ok ? parseWithSchema(roomWorkshopSchema, json.value, file) : json;
    if (parsed.ok && parsed.value.setup.id === entry.name) workshops.set(entry.name, parsed.value);
    else
      warn(
        `Skipped ${file}: ${parsed.ok ? 'its id is not its folder’s name' : parsed.error.map(formatProblem).join('; ')}`,
      );
  }

  const folder = (workshopId: string, kind: 'submissions' | 'joins') => join(root, workshopId, kind);

  /** A stored answers file; one that no longer reads as answers counts as none. */
  async function readReceived(path: string): Promise<ReceivedFile | undefined> {
    const [text, info] = await Promise.all([readIfExists(path), stat(path).catch(() => undefined)]);
    if (text === undefined || !info) return undefined;
    const json = parseJsonText(text, path);
    const parsed = json.ok ? parseWithSchema(payloadSchema, json.value, path) : json;
    if (!parsed.ok) return undefined;
    const name = path.slice(path.lastIndexOf(sep) + 1);
    return { name, text, receivedAt: info.mtime.toISOString(), payload: parsed.value };
  }

  return {
    root,
    workshop: (id: string): RoomWorkshop | undefined => workshops.get(id),
    workshops: (): Iterable<RoomWorkshop> => workshops.values(),

    async saveWorkshop(workshop: RoomWorkshop): Promise<void> {
      await mkdir(join(root, workshop.setup.id), { recursive: true, mode: 0o700 });
      await writeDurably(
        join(root, workshop.setup.id, 'workshop.json'),
        `${JSON.stringify(workshop, null, 2)}\n`,
      );
      workshops.set(workshop.setup.id, workshop);
    },

    readSubmission: (workshopId: string, participantId: string) =>
      readReceived(join(folder(workshopId, 'submissions'), `${participantId}.json`)),

    async saveSubmission(workshopId: string, participantId: string, text: string): Promise<void> {
      await mkdir(folder(workshopId, 'submissions'), { recursive: true, mode: 0o700 });
      await writeDurably(join(folder(workshopId, 'submissions'), `${participantId}.json`), text);
    },

    async listSubmissions(workshopId: string): Promise<ReceivedFile[]> {
      const dir = folder(workshopId, 'submissions');
      const files: ReceivedFile[] = [];
      for (const name of await participantFiles(dir)) {
        const file = await readReceived(join(dir, name));
        if (file) files.push(file);
      }
      return files;
    },

    async saveJoin(workshopId: string, participantId: string, text: string): Promise<void> {
      await mkdir(folder(workshopId, 'joins'), { recursive: true, mode: 0o700 });
      await writeDurably(join(folder(workshopId, 'joins'), `${participantId}.json`), text);
    },

    async listJoins(workshopId: string): Promise<JoinNotice[]> {
      const dir = folder(workshopId, 'joins');
      const notices: JoinNotice[] = [];
      for (const name of await participantFiles(dir)) {
        const text = await readIfExists(join(dir, name));
        const json = text === undefined ? undefined : parseJsonText(text, name);
        const parsed = json?.ok ? joinNoticeSchema.safeParse(json.value) : undefined;
        if (parsed?.success) notices.push(parsed.data);
      }
      return notices;
    },
  };
}
