import type { Router } from 'vue-router';

/**
 * The statistics screen is a linked device's only: its route is added by the sync code (the sync
 * indicator, on every screen of a linked device, and the Server screen), so the first screen of
 * every other device carries none of it. An address opened before the route was there
 * (`#/statistics` on a reload) is resolved again once it is.
 */
export function addStatisticsRoute(router: Router): void {
  if (router.hasRoute('statistics')) return;
  router.addRoute({
    path: '/statistics',
    name: 'statistics',
    component: () => import('../../views/StatisticsView.vue'),
  });
  const current = router.currentRoute.value;
  if (current.name === 'not-found') void router.replace(current.fullPath);
}
