import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router';
import HomeView from './views/HomeView.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  {
    path: '/assessments/:id/answer/:pillarId?',
    name: 'answer',
    component: () => import('./views/AnswerView.vue'),
    props: true,
  },
  {
    path: '/assessments/:id/results',
    name: 'results',
    component: () => import('./views/ResultsView.vue'),
    props: true,
  },
  {
    path: '/assessments/:id/weights',
    name: 'weights',
    component: () => import('./views/WeightsView.vue'),
    props: true,
  },
  {
    path: '/assessments/:id/report',
    name: 'report',
    component: () => import('./views/ReportView.vue'),
    props: true,
  },
  {
    path: '/assessments/:id/export',
    name: 'export',
    component: () => import('./views/ExportView.vue'),
    props: true,
  },
  { path: '/backup', name: 'backup', component: () => import('./views/ExportView.vue') },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
  {
    path: '/assessments/:id/hand-back',
    name: 'hand-back',
    component: () => import('./views/workshop/HandBackView.vue'),
    props: true,
  },
  { path: '/workshops', name: 'workshops', component: () => import('./views/workshop/WorkshopsView.vue') },
  {
    path: '/workshops/new',
    name: 'workshop-new',
    component: () => import('./views/workshop/WorkshopSetupView.vue'),
  },
  {
    path: '/workshops/:id',
    name: 'workshop',
    component: () => import('./views/workshop/WorkshopView.vue'),
    props: true,
  },
  {
    path: '/workshops/:id/discuss',
    name: 'workshop-discuss',
    component: () => import('./views/workshop/WorkshopDiscussView.vue'),
    props: true,
  },
  {
    path: '/workshops/:id/consensus',
    name: 'workshop-consensus',
    component: () => import('./views/workshop/WorkshopConsensusView.vue'),
    props: true,
  },
  {
    path: '/workshops/:id/room',
    name: 'workshop-room',
    component: () => import('./views/workshop/RoomView.vue'),
    props: true,
  },
  {
    path: '/join/:code?',
    name: 'join',
    component: () => import('./views/workshop/JoinView.vue'),
    props: true,
  },
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
  {
    path: '/questionnaires',
    name: 'questionnaires',
    component: () => import('./views/QuestionnairesView.vue'),
  },
  {
    path: '/questionnaires/:id/variant',
    name: 'variant',
    component: () => import('./views/VariantView.vue'),
    props: true,
  },
  { path: '/link/:code?', name: 'link', component: () => import('./views/LinkView.vue'), props: true },
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
