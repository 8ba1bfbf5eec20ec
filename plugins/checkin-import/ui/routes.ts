// The checkin-import plugin's routes under `/checkin` (plugin.json), lazy-loaded by the shell.
// `?livingid=` (the list's row action) preselects the live.
import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: '签到导入',
    loadComponent: () => import('./checkin-import-page.js').then((m) => m.CheckinImportPage),
  },
];
