import type { RouteRecordRaw, Router } from 'vue-router';
import { whenIdle } from '../../whenIdle.ts';

/**
 * Screens of a linked device only (statistics, contributions): their routes are added by the
 * sync code (the sync indicator, on every screen of a linked device, and the Server screen), so
 * the first screen of every other device carries none of them. An address opened before the
 * route was there (`#/statistics` on a reload) is resolved again once it is.
 */
export function addLinkedRoutes(router: Router, added: readonly (RouteRecordRaw & { name: string })[]): void {
  const missing = added.filter((route) => !router.hasRoute(route.name));
  if (missing.length === 0) return;
  for (const route of missing) router.addRoute(route);
  // The first navigation of a reload may still be on its way, already resolved to not-found:
  // look once it has landed, not before.
  void router.isReady().then(() => {
    const current = router.currentRoute.value;
    if (current.name === 'not-found') void router.replace(current.fullPath);
  });
}

export function addStatisticsRoute(router: Router): void {
  addLinkedRoutes(router, [
    { path: '/statistics', name: 'statistics', component: () => import('../../views/StatisticsView.vue') },
  ]);
}

const contributionsScreen = () => import('../../views/ContributionsView.vue');
const partScreen = () => import('../../views/PartView.vue');
/** The contributors in a report's appendix (src/views/ReportView.vue). */
const reportContributors = () => import('../coordination/ReportContributors.vue');

/** One assessment, many contributors: the parts given to this account, an assessment's parts, answering a part. */
export function addCoordinationRoutes(router: Router): void {
  addLinkedRoutes(router, [
    { path: '/contributions', name: 'contributions', component: contributionsScreen },
    {
      path: '/assessments/:id/contributions',
      name: 'assessment-contributions',
      component: () => import('../../views/AssessmentContributionsView.vue'),
      props: true,
    },
    { path: '/parts/:assignmentId', name: 'part', component: partScreen, props: true },
  ]);
  // A contributor answers their part offline, and linked devices' screens are not precached
  // (vite.config.ts): fetch these, and the report's contributors, once, while linked and online,
  // so the service worker keeps them before the network goes.
  whenIdle(() => {
    for (const screen of [contributionsScreen, partScreen, reportContributors])
      void screen().catch(() => undefined);
  });
}
