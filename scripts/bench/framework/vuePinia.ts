/**
 * The framework floor's screen on the two libraries the project is fixed to, Vue and Pinia, with
 * its words from a plain object: what any page of this project costs at the least.
 */
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { homeScreen, MESSAGES, registerWorker } from './home.ts';

const app = createApp(homeScreen(() => (key) => MESSAGES[key]()));
app.use(createPinia());
app.mount('#app');
registerWorker();
