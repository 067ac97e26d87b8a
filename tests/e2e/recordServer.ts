/**
 * `npm run server` itself for browser tests, on the embedded PostgreSQL of a temporary data
 * folder, serving the production build; the test administers that same record as
 * `npm run server -- admin` does (it finds the cluster the server started).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordServerProcess {
  origin: string;
  /** Stops the server as Ctrl+C does (it stops its PostgreSQL too) and waits until the cluster is gone. */
  stop: () => Promise<void>;
}

/** Starts `npm run server` on a free port and resolves with the address it prints. */
export function startServerProcess(data: string): Promise<RecordServerProcess> {
  const child = spawn('npm', ['run', 'server', '--', '--port', '0', '--data', data, '--no-build'], {
    // Its own process group, so that stopping it reaches npm's child too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /App and sync API:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) resolve({ origin: address[1]!, stop: () => stopServer(child, data) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm run server exited (${code}):\n${output}`)));
  });
}

async function stopServer(child: ChildProcess, data: string): Promise<void> {
  if (child.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  // npm may exit before the server has stopped its PostgreSQL; removing the folder under a
  // cluster still writing fails (ENOTEMPTY), so wait for its postmaster.pid to go (bounded).
  const pidFile = join(data, 'postgres', 'postmaster.pid');
  for (let tries = 0; tries < 150 && existsSync(pidFile); tries++)
    await new Promise((resolve) => setTimeout(resolve, 200));
}
