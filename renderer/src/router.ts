// Routes of the main window. Hash history because the packaged app loads index.html from disk.
// Every screen except Sign in needs a session; without one the admin is sent to Sign in.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './stores/session';

export const navigation = [
  { name: 'accounts', title: 'Accounts', icon: 'mdi-account-multiple-outline' },
  { name: 'import', title: 'Import', icon: 'mdi-file-upload-outline' },
  { name: 'organizations', title: 'Organizations & Numbers', icon: 'mdi-file-tree-outline' },
  { name: 'administrators', title: 'Administrators', icon: 'mdi-shield-account-outline' },
  { name: 'outbox', title: 'Outbox', icon: 'mdi-email-outline', localOnly: true },
  { name: 'reports', title: 'Reports', icon: 'mdi-chart-box-outline' },
  { name: 'activity', title: 'Activity', icon: 'mdi-history' },
  { name: 'settings', title: 'Settings', icon: 'mdi-cog-outline' },
] as const;

const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./views/SignInView.vue'),
    meta: { public: true },
  },
  {
    path: '/',
    component: () => import('./layouts/MainLayout.vue'),
    children: [
      { path: '', redirect: { name: 'accounts' } },
      { path: 'accounts', name: 'accounts', component: () => import('./views/AccountsView.vue') },
      { path: 'import', name: 'import', component: () => import('./views/ImportView.vue') },
      {
        path: 'organizations',
        name: 'organizations',
        component: () => import('./views/OrganizationsView.vue'),
      },
      {
        path: 'administrators',
        name: 'administrators',
        component: () => import('./views/AdministratorsView.vue'),
      },
      { path: 'outbox', name: 'outbox', component: () => import('./views/OutboxView.vue') },
      { path: 'reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
      { path: 'activity', name: 'activity', component: () => import('./views/ActivityView.vue') },
      { path: 'settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'accounts' } },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach((to) => {
  const session = useSessionStore();
  if (!to.meta.public && !session.signedIn) {
    return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  }
  if (to.name === 'sign-in' && session.signedIn) return { name: 'accounts' };
  return true;
});
