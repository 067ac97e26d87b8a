import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n, loadMessages, markDocument } from './i18n/index.ts';
import { createAppRouter } from './router.ts';
import { useQuestionnairesStore } from './stores/questionnaires.ts';
import { useSettingsStore } from './stores/settings.ts';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

// Only the language in use is fetched before the first screen.
const { locale } = useSettingsStore(pinia);
app.use(createAppI18n(locale, await loadMessages(locale)));
markDocument(locale);
app.use(createAppRouter());
app.mount('#app');
// Questionnaires added on this device join the built-in ones in every list.
void useQuestionnairesStore(pinia).ensureAdded();
