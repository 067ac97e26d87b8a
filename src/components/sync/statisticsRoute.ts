import type { RouteRecordRaw, Router } from 'vue-router';
import { whenIdle } from '../../whenIdle.ts';

type NamedRoute = RouteRecordRaw & { name: string };

/**
 * Screens of a linked device only (statistics, contributions): their routes are added by the
 * sync code (the sync indicator, on every screen of a linked device, and the Server screen), so
 * the first screen of every other device carries none of them. An address opened before the
 * route was there (`#/statistics` on a reload) is resolved again once it is.
 */
export function addLinkedRoutes(router: Router, added: readonly NamedRoute[]): void {
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

const STATISTICS_ROUTES: NamedRoute[] = [
  { path: '/statistics', name: 'statistics', component: () => import('../../views/StatisticsView.vue') },
];

export function addStatisticsRoute(router: Router): void {
  addLinkedRoutes(router, STATISTICS_ROUTES);
}

const contributionsScreen = () => import('../../views/ContributionsView.vue');
const partScreen = () => import('../../views/PartView.vue');
/** The contributors in a report's appendix (src/views/ReportView.vue). */
const reportContributors = () => import('../coordination/ReportContributors.vue');

const COORDINATION_ROUTES: NamedRoute[] = [
  { path: '/contributions', name: 'contributions', component: contributionsScreen },
  {
    path: '/assessments/:id/contributions',
    name: 'assessment-contributions',
    component: () => import('../../views/AssessmentContributionsView.vue'),
    props: true,
  },
  { path: '/parts/:assignmentId', name: 'part', component: partScreen, props: true },
];

/** One assessment, many contributors: the parts given to this account, an assessment's parts, answering a part. */
export function addCoordinationRoutes(router: Router): void {
  addLinkedRoutes(router, COORDINATION_ROUTES);
  // A contributor answers their part offline, and linked devices' screens are not precached
  // (vite.config.ts): fetch these, and the report's contributors, once, while linked and online,
  // so the service worker keeps them before the network goes.
  whenIdle(() => {
    for (const screen of [contributionsScreen, partScreen, reportContributors])
      void screen().catch(() => undefined);
  });
}

/** A route's path as a pattern: each `:param` one segment (these routes have no optional ones). */
const pathPattern = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}/?$`);
const LINKED_PATTERNS = [...STATISTICS_ROUTES, ...COORDINATION_ROUTES].map((route) =>
  pathPattern(route.path),
);

/**
 * Whether an address is one of a linked device's screens, which a device that is not linked
 * does not have: its "page not found" then says why rather than that nothing is there. (Matched
 * here rather than by a second router, whose history code would weigh on every first screen.)
 */
export function isLinkedScreen(path: string): boolean {
  return LINKED_PATTERNS.some((pattern) => pattern.test(path));
}
