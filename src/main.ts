import { createPinia } from 'pinia';
import { createApp, toRef } from 'vue';
import App from './App.vue';
import { loadLanguageChoice } from './components/languageChoice.ts';
import { createAppI18n, loadMessages, markDocument } from './i18n/index.ts';
import { CONTENT_REVISION } from './i18n/useLocalized.ts';
import { awaitsCode, createAppRouter, followAddressChangedBeforeLanding } from './router.ts';
import { useAssessmentsStore } from './stores/assessments.ts';
import { useContentStore } from './stores/content.ts';
import { useQuestionnairesStore } from './stores/questionnaires.ts';
import { useSettingsStore } from './stores/settings.ts';
import { whenIdle } from './whenIdle.ts';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
// Built while the messages are on their way; installed (which starts the first navigation) after i18n.
const router = createAppRouter();
followAddressChangedBeforeLanding(router);
/** How long the first screen waits for the saved assessments at most (a few milliseconds, usually). */
const LIST_WAIT_MS = 150;

/**
 * On the home screen the saved assessments are read while the messages arrive, so that the list
 * is drawn with the screen instead of pushing the new-assessment form down a moment later. A
 * database slow to answer (another window upgrading it) does not hold the screen back; a failure
 * is the home screen's to say when it reads the list again.
 */
function listFirst(): Promise<unknown> | undefined {
  if (router.resolve(location.hash.slice(1) || '/').name !== 'home') return undefined;
  const listed = useAssessmentsStore(pinia)
    .firstRefresh()
    .catch(() => undefined);
  return Promise.race([listed, new Promise((resolve) => setTimeout(resolve, LIST_WAIT_MS))]);
}
// Before the rest is set up: the database answers while the main thread does that.
const listed = listFirst();

// Only the language in use is fetched before the first screen: its messages, and the
// questionnaires' titles in it (the catalog registers with the content store when created); on a
// first start, the language strip too.
const { locale, localeChosen } = useSettingsStore(pinia);
const content = useContentStore(pinia);
useQuestionnairesStore(pinia);

/**
 * What the first screen waits for, then the mount. Not awaited at the module's top level: the
 * language strip's chunk imports this one, and a chunk cannot run before the one it imports has
 * finished running, so a top-level wait for it would never end.
 */
async function start(): Promise<void> {
  const [messages] = await Promise.all([
    loadMessages(locale),
    content.use(locale, { keep: false }),
    localeChosen ? undefined : loadLanguageChoice(),
    listed,
  ]);
  app.use(createAppI18n(locale, messages));
  app.provide(CONTENT_REVISION, toRef(content, 'revision'));
  markDocument(locale);
  app.use(router);
  // The first navigation (started by `use`) lands before the mount when the screen's code is already
  // here (the home screen is in the first chunk): the shell and the screen then render once, instead
  // of the shell first and everything that follows the route (links, title, the screen) again.
  if (!awaitsCode(router)) {
    await router.isReady().catch(() => undefined); // a failed navigation shows the shell, as before
  }
  app.mount('#app');
  // Questionnaires added on this device join the built-in ones in every list.
  void useQuestionnairesStore(pinia).ensureAdded();

  // Once the first screen is up: keep the language's content on the device for offline use.
  whenIdle(() => void content.keep(locale));
}

void start();
