import { createPinia } from 'pinia';
import { createApp, toRef } from 'vue';
import App from './App.vue';
import { createAppI18n, loadMessages, markDocument } from './i18n/index.ts';
import { CONTENT_REVISION } from './i18n/useLocalized.ts';
import { awaitsCode, createAppRouter } from './router.ts';
import { useContentStore } from './stores/content.ts';
import { useQuestionnairesStore } from './stores/questionnaires.ts';
import { useSettingsStore } from './stores/settings.ts';
import { whenIdle } from './whenIdle.ts';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

// Only the language in use is fetched before the first screen: its messages, and the
// questionnaires' titles in it (the catalog registers with the content store when created).
const { locale } = useSettingsStore(pinia);
const content = useContentStore(pinia);
useQuestionnairesStore(pinia);
// Built while the messages are on their way; installed (which starts the first navigation) after i18n.
const router = createAppRouter();
const [messages] = await Promise.all([loadMessages(locale), content.use(locale, { keep: false })]);
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
