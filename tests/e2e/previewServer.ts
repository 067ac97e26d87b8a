import { test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

export interface ServedApp {
  /** The server's origin, without a trailing slash. */
  readonly origin: string;
  /** Stops the server: later loads must come from the service worker. */
  stop: () => Promise<void>;
}

/**
 * Offline for real: the production build served by a preview server of the file's own, one per
 * test, which a test stops (the browser's offline switch does not reach service-worker
 * traffic). Each on a port the system picks: a server restarted on a port that was just closed
 * may not answer, and fixed ports collide with whatever else runs.
 */
export function previewServerForEachTest(): ServedApp {
  let server: PreviewServer | undefined;
  let origin = '';
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  test.beforeEach(async () => {
    server = await preview({ logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: true } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The preview server reported no address');
    origin = url.replace(/\/$/, '');
  });
  test.afterEach(stop);
  return {
    get origin() {
      return origin;
    },
    stop,
  };
}
