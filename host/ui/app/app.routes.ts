import type { Route, Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { PLUGIN_REGISTRY } from '../generated/plugin-registry.js';
import { homeRoute, loginGuard, pluginGuard, setupGuard, shellGuard } from './guards.js';
import type { UiPluginEntry } from './plugin-entry.js';
import { ShellLayout } from './shell/shell-layout.js';
import { StatusPage } from './status-page.js';

/** A feature plugin's routes under the shell, loaded when first opened, matching only while allowed. */
export function pluginRoute(entry: UiPluginEntry): Route {
  return {
    path: entry.route,
    title: entry.title,
    loadChildren: entry.loadRoutes,
    canMatch: [pluginGuard(entry)],
  };
}

export function appRoutes(entries: readonly UiPluginEntry[]): Routes {
  return [
    {
      path: 'login',
      title: '登录',
      canMatch: [loginGuard],
      loadComponent: () => import('./login/login-page.js').then((m) => m.LoginPage),
    },
    {
      path: 'setup',
      title: '初始化向导',
      canMatch: [setupGuard],
      loadComponent: () => import('./wizard/setup-wizard.js').then((m) => m.SetupWizard),
    },
    {
      path: '',
      component: ShellLayout,
      canMatch: [shellGuard],
      children: [
        { path: '', pathMatch: 'full', redirectTo: homeRoute },
        ...entries.map(pluginRoute),
        { path: 'status', title: '运行状态', component: StatusPage },
        // Report plugins (docs/report-plugins.md): one generic page; the reports come from the host.
        {
          path: 'reports/:id',
          title: '报表',
          providers: [
            provideEchartsCore({
              echarts: () => import('./reports/report-echarts.js').then((m) => m.echarts),
            }),
          ],
          loadComponent: () => import('./reports/report-page.js').then((m) => m.ReportPage),
        },
        // A plugin that was disabled, or a route this account may not open: back to its first page.
        { path: '**', redirectTo: homeRoute },
      ],
    },
    { path: '**', redirectTo: '' },
  ];
}

export const routes: Routes = appRoutes(PLUGIN_REGISTRY);
