import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { roomAddresses } from '../../../scripts/room/addresses.ts';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as unknown as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  wlan0: [nic('192.168.8.23', 'IPv4'), nic('fe80::1', 'IPv6')],
  eth0: [nic('10.0.0.5', 'IPv4')],
};

describe('where participants open the app', () => {
  it('lists every network of the laptop when listening on all of them', () => {
    expect(roomAddresses('0.0.0.0', 8080, INTERFACES)).toEqual({
      addresses: ['http://192.168.8.23:8080/', 'http://10.0.0.5:8080/'],
      localOnly: false,
    });
  });

  it('gives the one address it listens on', () => {
    expect(roomAddresses('192.168.8.23', 8080, INTERFACES)).toEqual({
      addresses: ['http://192.168.8.23:8080/'],
      localOnly: false,
    });
  });

  it('says when only this laptop can connect', () => {
    expect(roomAddresses('127.0.0.1', 8080, INTERFACES)).toEqual({
      addresses: ['http://127.0.0.1:8080/'],
      localOnly: true,
    });
    expect(roomAddresses('::1', 8080, INTERFACES)).toEqual({
      addresses: ['http://[::1]:8080/'],
      localOnly: true,
    });
  });
});
