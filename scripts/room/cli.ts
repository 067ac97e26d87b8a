/**
 * `npm run room [-- --host 0.0.0.0] [--port 8080] [--data room-data] [--no-build]`
 *
 * Serves the production build to the room's network and collects answers (see `server.ts` and
 * the README, "The room kit"). Builds the app first when `dist/` is missing or older than the
 * sources. Prints where participants open the app, with a QR code of that address.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import encodeQR from 'qr';
import { ensureBuild } from '../lib/appBuild.ts';
import { ROOT } from '../lib/questionnaires.ts';
import { RoomSetupError, startRoomServer } from './server.ts';

const USAGE = `Usage: npm run room [-- --host 0.0.0.0] [--port 8080] [--data room-data] [--no-build]

  --host      address to listen on (default 127.0.0.1: this laptop only;
              0.0.0.0: every network this laptop is on, so the room can connect)
  --port      port to listen on (default 8080)
  --data      folder where answers are stored (default room-data)
  --no-build  serve dist/ as it is, without rebuilding it when the sources are newer`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      data: { type: 'string', default: 'room-data' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".\n\n${USAGE}`);
    process.exit(2);
  }

  const dist = join(ROOT, 'dist');
  ensureBuild(dist, values['no-build'], 'room server', 'participants');

  const room = await startRoomServer({
    dist,
    data: resolve(values.data),
    host: values.host,
    port,
    log: (line) => console.log(`${new Date().toLocaleTimeString()}  ${line}`),
  });

  const lines = ['', 'Baseline room server', ''];
  if (room.localOnly) {
    lines.push(
      `  Only this laptop can open it: ${room.addresses[0]}`,
      '  To let the room in, start it with:  npm run room -- --host 0.0.0.0',
    );
  } else if (room.addresses.length === 0) {
    lines.push('  This laptop is on no network yet: connect it to the room’s Wi-Fi or router, then restart.');
  } else {
    lines.push('  Participants open:', ...room.addresses.map((address) => `    ${address}`), '');
    lines.push(encodeQR(room.addresses[0]!, 'term'));
  }
  lines.push(
    '',
    `  Facilitator, on this laptop:  http://localhost:${room.port}/`,
    '    (set up and run your workshops at this address; your data stays in this browser)',
    `  Answers are stored in ${room.data.root}`,
    '  Stop with Ctrl+C.',
    '',
  );
  console.log(lines.join('\n'));

  const stop = () => {
    console.log('\nStopping the room server; every answer received is on the disk.');
    void room.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof RoomSetupError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error('That port is taken (is a room server already running?). Choose another with --port.');
  else if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL')
    console.error('This laptop has no such address; use --host 0.0.0.0 to listen on every network.');
  else console.error(error);
  process.exit(1);
});
