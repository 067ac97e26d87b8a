/**
 * The link to the server of record and the state of sync, for the screens. Loaded only on a
 * linked device (or on the link screen of a page the server served): nothing here runs, and no
 * request is made, anywhere else.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { newId } from '../assessment/ids.ts';
import { openChannel } from '../storage/channel.ts';
import {
  forgetLink,
  idbSyncLocal,
  readLink,
  syncCounts,
  writeLink,
  type LinkState,
  type SyncCounts,
} from '../storage/sync.ts';
import { syncOnce } from '../sync/engine.ts';
import {
  chooseOrganisation as chooseOrganisationOnServer,
  deviceInfo,
  httpTransport,
  link as linkOnServer,
  listAccounts,
  makeLinkCode as makeLinkCodeOnServer,
  setStatisticsThreshold,
  statistics as statisticsOnServer,
  statisticsOptions as statisticsOptionsOnServer,
  SyncError,
  unlink as unlinkOnServer,
  type ServerClient,
} from '../sync/http.ts';
import type { DeviceInfo, LinkRequest } from '../sync/protocol.ts';
import type { StatisticsQuery, StatisticsSettings } from '../statistics/report.ts';
import { startScheduler, type Scheduler, type SyncStatus } from '../sync/scheduler.ts';

/** The app's own address on the server, where its API is (the page's address up to its `#`). */
const appBase = () => globalThis.location.href.split('#')[0]!;

export const useSyncStore = defineStore('sync', () => {
  const link = ref<LinkState>();
  const status = ref<SyncStatus>({ phase: 'idle' });
  const counts = ref<SyncCounts>({ conflicts: 0, refused: [] });
  const loaded = ref(false);
  const scheduler = shallowRef<Scheduler>();

  const linked = computed(() => Boolean(link.value));
  const revoked = computed(() => Boolean(link.value?.revoked) || status.value.phase === 'revoked');
  const lastSyncAt = computed(() => status.value.lastSyncAt ?? link.value?.lastSyncAt);
  /** Organisations where this account may put new assessments. */
  const writable = computed(() =>
    (link.value?.organisations ?? []).filter((org) =>
      org.roles.some((role) => role === 'coordinator' || role === 'editor'),
    ),
  );
  const coordinates = computed(() =>
    (link.value?.organisations ?? []).some((org) => org.roles.includes('coordinator')),
  );
  /** Coordinators and statisticians see statistics across organisations. */
  const seesStatistics = computed(() =>
    (link.value?.organisations ?? []).some((org) =>
      org.roles.some((role) => role === 'coordinator' || role === 'statistician'),
    ),
  );

  const client = (): ServerClient => ({ base: link.value?.base ?? appBase(), token: link.value?.token });

  async function refreshCounts(): Promise<void> {
    counts.value = await syncCounts();
  }

  async function remember(change: Partial<LinkState>): Promise<void> {
    if (!link.value) return;
    link.value = { ...link.value, ...change };
    await writeLink(link.value);
  }

  function onStatus(next: SyncStatus): void {
    status.value = next;
    if (next.phase === 'idle' && next.lastSyncAt) void remember({ lastSyncAt: next.lastSyncAt });
    if (next.phase === 'revoked') void remember({ revoked: true });
    if (next.phase !== 'syncing') void refreshCounts();
  }

  function start(): void {
    scheduler.value?.stop();
    scheduler.value = startScheduler({
      run: () => syncOnce(idbSyncLocal(), httpTransport(client()), { newId }),
      onStatus,
      watchChanges: (changed) => {
        const channel = openChannel((message) => {
          if (!message.fromSync) changed();
        });
        return () => channel.close();
      },
    });
  }

  /** Reads the link from the device and starts syncing when there is one. */
  async function load(): Promise<void> {
    if (loaded.value) return;
    link.value = await readLink();
    loaded.value = true;
    await refreshCounts();
    if (link.value && !link.value.revoked) start();
  }

  async function linkDevice(request: LinkRequest): Promise<void> {
    const { token, ...info } = await linkOnServer({ base: appBase() }, request);
    link.value = { ...info, token, base: appBase() };
    await writeLink(link.value);
    status.value = { phase: 'idle' };
    start();
  }

  /** Ends the link on the server, then here. Resolves to false when the server could not be told. */
  async function unlink(): Promise<boolean> {
    let told = true;
    if (!revoked.value) {
      try {
        await unlinkOnServer(client());
      } catch (failure) {
        if (!(failure instanceof SyncError) || failure.code !== 'unreachable') throw failure;
        told = false;
      }
    }
    scheduler.value?.stop();
    scheduler.value = undefined;
    await forgetLink();
    link.value = undefined;
    status.value = { phase: 'idle' };
    await refreshCounts();
    return told;
  }

  async function update(info: DeviceInfo): Promise<void> {
    await remember({ device: info.device, account: info.account, organisations: info.organisations });
  }

  const refreshInfo = async () => update(await deviceInfo(client()));
  const chooseOrganisation = async (organisationId: string) =>
    update(await chooseOrganisationOnServer(client(), organisationId));
  const accounts = () => listAccounts(client());
  const makeLinkCode = (accountId: string, organisationId: string) =>
    makeLinkCodeOnServer(client(), accountId, organisationId);
  const statistics = (query: StatisticsQuery) => statisticsOnServer(client(), query);
  const statisticsOptions = () => statisticsOptionsOnServer(client());
  const setThreshold = (settings: StatisticsSettings) => setStatisticsThreshold(client(), settings);
  const syncNow = () => scheduler.value?.syncNow() ?? Promise.resolve(status.value);

  return {
    link,
    status,
    counts,
    loaded,
    linked,
    revoked,
    lastSyncAt,
    writable,
    coordinates,
    seesStatistics,
    load,
    linkDevice,
    unlink,
    refreshInfo,
    chooseOrganisation,
    accounts,
    makeLinkCode,
    statistics,
    statisticsOptions,
    setThreshold,
    syncNow,
  };
});
