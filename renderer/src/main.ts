// Renderer entry: Vue app with Vuetify, Pinia and the router.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { vuetify } from './plugins/vuetify';
import { accessibility } from './plugins/accessibility';
import { router } from './router';
import './styles/app.css';

createApp(App).use(createPinia()).use(vuetify).use(accessibility).use(router).mount('#app');
