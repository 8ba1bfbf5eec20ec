// The live-list plugin's routes under `/lives` (plugin.json), lazy-loaded by the shell. The date
// picker's Chinese adapter and labels are provided app-wide (sdk/ui/chinese-dates.ts).

import type { Routes } from '@angular/router';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';

export const routes: Routes = [
  {
    path: '',
    title: '成员直播列表',
    providers: [providePaginatorIntl('场')],
    loadComponent: () => import('./live-list-page.js').then((m) => m.LiveListPage),
  },
];
