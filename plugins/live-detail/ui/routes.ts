// The live-detail plugin's routes under `/live` (plugin.json): a picker, and `/live/<livingid>`.

import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';

export const routes: Routes = [
  {
    path: '',
    providers: [
      providePaginatorIntl('人'),
      provideEchartsCore({ echarts: () => import('./echarts-setup.js').then((m) => m.echarts) }),
    ],
    children: [
      {
        path: '',
        title: '直播详情',
        loadComponent: () => import('./live-picker-page.js').then((m) => m.LivePickerPage),
      },
      {
        path: ':livingid',
        title: '直播详情',
        loadComponent: () => import('./live-detail-page.js').then((m) => m.LiveDetailPage),
      },
    ],
  },
];
