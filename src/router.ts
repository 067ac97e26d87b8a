import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type RouteRecordSingleView,
  type Router,
} from 'vue-router';
import HomeView from './views/HomeView.vue';

type Lazy = RouteRecordSingleView['component'];

/** A screen at `path`; the parts its address carries (`:id`, `:code`…) reach the view as props. */
const screen = (path: string, name: string, component: Lazy): RouteRecordRaw => ({
  path,
  name,
  component,
  props: path.includes(':'),
});

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  screen('/assessments/:id/answer/:pillarId?', 'answer', () => import('./views/AnswerView.vue')),
  screen('/assessments/:id/results', 'results', () => import('./views/ResultsView.vue')),
  screen('/assessments/:id/weights', 'weights', () => import('./views/WeightsView.vue')),
  screen('/assessments/:id/report', 'report', () => import('./views/ReportView.vue')),
  screen('/assessments/:id/export', 'export', () => import('./views/ExportView.vue')),
  screen('/backup', 'backup', () => import('./views/ExportView.vue')),
  screen('/import', 'import', () => import('./views/ImportView.vue')),
  screen('/assessments/:id/hand-back', 'hand-back', () => import('./views/workshop/HandBackView.vue')),
  screen('/workshops', 'workshops', () => import('./views/workshop/WorkshopsView.vue')),
  screen('/workshops/new', 'workshop-new', () => import('./views/workshop/WorkshopSetupView.vue')),
  screen('/workshops/:id', 'workshop', () => import('./views/workshop/WorkshopView.vue')),
  screen(
    '/workshops/:id/discuss',
    'workshop-discuss',
    () => import('./views/workshop/WorkshopDiscussView.vue'),
  ),
  screen(
    '/workshops/:id/consensus',
    'workshop-consensus',
    () => import('./views/workshop/WorkshopConsensusView.vue'),
  ),
  screen('/workshops/:id/room', 'workshop-room', () => import('./views/workshop/RoomView.vue')),
  screen('/join/:code?', 'join', () => import('./views/workshop/JoinView.vue')),
  screen('/compare', 'compare', () => import('./views/CompareView.vue')),
  screen('/questionnaires', 'questionnaires', () => import('./views/QuestionnairesView.vue')),
  screen('/questionnaires/:id/variant', 'variant', () => import('./views/VariantView.vue')),
  screen('/link/:code?', 'link', () => import('./views/LinkView.vue')),
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
];

/**
 * Hash history: every screen is served by the one index.html, so the app works the same from
 * any static host, the room server or a file, with no server-side routing.
 */
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? (arrivalMarked() ? false : { top: 0 }),
  });
}

/**
 * A screen that marks where an arriving reader starts (the question to pick up at) is scrolled
 * there by App.vue; scrolling to the top as well would undo that whenever it ran second.
 */
const arrivalMarked = (): boolean => document.querySelector('main [data-arrival]') !== null;

/** Whether the screen at the address the app opens on has code still to fetch (a lazy route). */
export function awaitsCode(router: Router): boolean {
  return router
    .resolve(router.options.history.location)
    .matched.some((record) =>
      Object.values(record.components ?? {}).some((view) => typeof view === 'function'),
    );
}

/**
 * The router hears an address change (back, forward, a link opened in this tab) only from its
 * first landing on, and that landing writes its own address over one made meanwhile: a change
 * while the first screen's code is still arriving would be lost, the screen and the address the
 * old ones. Heard here until the landing, then followed.
 */
export function followAddressChangedBeforeLanding(router: Router): void {
  let changed: string | undefined;
  // Registered after the router's history, which has read the new address by the time this runs.
  const heard = () => (changed = router.options.history.location);
  window.addEventListener('popstate', heard);
  void router
    .isReady()
    .catch(() => undefined)
    .then(() => {
      window.removeEventListener('popstate', heard);
      if (changed !== undefined && changed !== router.currentRoute.value.fullPath)
        void router.replace(changed);
    });
}
