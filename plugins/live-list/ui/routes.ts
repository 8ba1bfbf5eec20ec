// The live-list plugin's routes under `/lives` (plugin.json), lazy-loaded by the shell.

import { MAT_DATE_LOCALE, provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import type { Routes } from '@angular/router';
import { ChineseDatepickerIntl } from '../../../sdk/ui/material-intl.js';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';

export const routes: Routes = [
  {
    path: '',
    title: '成员直播列表',
    providers: [
      provideNativeDateAdapter(),
      { provide: MAT_DATE_LOCALE, useValue: 'zh-CN' },
      { provide: MatDatepickerIntl, useClass: ChineseDatepickerIntl },
      providePaginatorIntl('场'),
    ],
    loadComponent: () => import('./live-list-page.js').then((m) => m.LiveListPage),
  },
];
