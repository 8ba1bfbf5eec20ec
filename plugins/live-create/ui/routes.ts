// The live-create plugin's routes under `/create` (plugin.json), lazy-loaded by the shell.

import { provideNativeDateAdapter, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import type { Routes } from '@angular/router';
import { ChineseDatepickerIntl } from '../../../sdk/ui/material-intl.js';

export const routes: Routes = [
  {
    path: '',
    title: '创建直播',
    providers: [
      provideNativeDateAdapter(),
      { provide: MAT_DATE_LOCALE, useValue: 'zh-CN' },
      { provide: MatDatepickerIntl, useClass: ChineseDatepickerIntl },
    ],
    loadComponent: () => import('./live-create-page.js').then((m) => m.LiveCreatePage),
  },
];
