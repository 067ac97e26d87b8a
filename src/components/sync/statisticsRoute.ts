import type { RouteRecordRaw, Router } from 'vue-router';

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
  const current = router.currentRoute.value;
  if (current.name === 'not-found') void router.replace(current.fullPath);
}

export function addStatisticsRoute(router: Router): void {
  addLinkedRoutes(router, [
    { path: '/statistics', name: 'statistics', component: () => import('../../views/StatisticsView.vue') },
  ]);
}

/** One assessment, many contributors: the parts given to this account, an assessment's parts, answering a part. */
export function addCoordinationRoutes(router: Router): void {
  addLinkedRoutes(router, [
    {
      path: '/contributions',
      name: 'contributions',
      component: () => import('../../views/ContributionsView.vue'),
    },
    {
      path: '/assessments/:id/contributions',
      name: 'assessment-contributions',
      component: () => import('../../views/AssessmentContributionsView.vue'),
      props: true,
    },
    {
      path: '/parts/:assignmentId',
      name: 'part',
      component: () => import('../../views/PartView.vue'),
      props: true,
    },
  ]);
}
