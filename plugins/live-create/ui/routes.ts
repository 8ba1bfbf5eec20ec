// The live-create plugin's routes under `/create` (plugin.json), lazy-loaded by the shell. The date
// picker's Chinese adapter and labels are provided app-wide (sdk/ui/chinese-dates.ts).

import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: '创建直播',
    loadComponent: () => import('./live-create-page.js').then((m) => m.LiveCreatePage),
  },
];
