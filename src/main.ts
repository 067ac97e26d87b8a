import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n/index.ts';
import { createAppRouter } from './router.ts';
import { useSettingsStore } from './stores/settings.ts';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

const settings = useSettingsStore(pinia);
app.use(createAppI18n(settings.locale));
app.use(createAppRouter());
app.mount('#app');
