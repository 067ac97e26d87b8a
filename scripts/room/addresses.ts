/** Where participants can open the app served by the room server. */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const LOOPBACK = /^(127\.|::1$|localhost$)/i;

function url(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
}

/**
 * One address per network this laptop is on when the server listens on all of them
 * (`--host 0.0.0.0`), IPv4 only (what people can type and phones reach on a travel router);
 * otherwise the address it listens on. `localOnly` when nobody but this laptop can connect.
 */
export function roomAddresses(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): { addresses: string[]; localOnly: boolean } {
  if (!WILDCARDS.has(host)) return { addresses: [url(host, port)], localOnly: LOOPBACK.test(host) };
  const found = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => url(entry.address, port));
  return { addresses: [...new Set(found)], localOnly: false };
}
