import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { addLinkedRoutes, isLinkedScreen } from '../../../../src/components/sync/statisticsRoute.ts';

const Screen = defineComponent({ render: () => null });

function appRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Screen },
      { path: '/:rest(.*)*', name: 'not-found', component: Screen },
    ],
  });
}

const contributions = { path: '/contributions', name: 'contributions', component: Screen };

describe('routes of a linked device, added after start', () => {
  it('resolve an address opened before they were there, once the first navigation has landed', async () => {
    const router = appRouter();
    const first = router.push('/contributions');
    // Added while the first navigation is still on its way (a reload of that address).
    addLinkedRoutes(router, [contributions]);
    await first;
    await router.isReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.currentRoute.value.name).toBe('contributions');
  });

  it('resolve it when they are added after the page showed "not found"', async () => {
    const router = appRouter();
    await router.push('/contributions');
    expect(router.currentRoute.value.name).toBe('not-found');
    addLinkedRoutes(router, [contributions]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.currentRoute.value.name).toBe('contributions');
  });
});

describe('a linked device’s screens', () => {
  it('are known by their addresses, whatever the record they open', () => {
    for (const path of [
      '/statistics',
      '/contributions',
      '/assessments/a1/contributions',
      '/parts/p-7',
      '/parts/p-7/',
    ])
      expect(isLinkedScreen(path), path).toBe(true);
  });

  it('are not any other address', () => {
    for (const path of [
      '/',
      '/parts',
      '/parts/p-7/more',
      '/assessments/a1/results',
      '/statistics-old',
      '/link',
    ])
      expect(isLinkedScreen(path), path).toBe(false);
  });
});
