// Child routes of /settings, lazy-loaded by the shell from plugin.json's `route`. Each page is its own
// chunk and matches only for the tiers that may use it; anything else lands on the account's first page.
import { inject } from '@angular/core';
import { Router, type CanMatchFn, type Route, type Routes } from '@angular/router';
import { SettingsAccess } from './settings-access.js';
import { SettingsShell } from './settings-shell.js';

const mayOpenPage: CanMatchFn = (route) => {
  const access = inject(SettingsAccess);
  // Signed out: the shell's login guard normally gets there first; never loop between settings pages.
  if (access.tier() === null) return inject(Router).parseUrl('/');
  return access.mayOpen(route.path ?? '');
};

/** The settings pages in menu order: path, title, the page's own chunk. */
const PAGES: ReadonlyArray<[path: string, title: string, load: NonNullable<Route['loadComponent']>]> = [
  ['plugins', '插件管理', () => import('./plugins/plugins-page.js').then((m) => m.PluginsPage)],
  ['reports', '报表', () => import('./reports/reports-page.js').then((m) => m.ReportsPage)],
  ['corps', '企业配置', () => import('./corps/corps-page.js').then((m) => m.CorpsPage)],
  ['users', '用户与权限', () => import('./users/users-page.js').then((m) => m.UsersPage)],
  ['trusted-ips', '可信 IP', () => import('./trusted-ips/trusted-ips-page.js').then((m) => m.TrustedIpsPage)],
  ['account', '账户', () => import('./account/account-page.js').then((m) => m.AccountPage)],
  ['audit', '审计日志', () => import('./audit/audit-page.js').then((m) => m.AuditPage)],
  ['storage', '存储与日志', () => import('./storage/storage-page.js').then((m) => m.StoragePage)],
  ['cleanup', '数据清理', () => import('./cleanup/cleanup-page.js').then((m) => m.CleanupPage)],
  ['updates', '软件更新', () => import('./updates/updates-page.js').then((m) => m.UpdatesPage)],
  ['about', '关于', () => import('./about/about-page.js').then((m) => m.AboutPage)],
];

export const routes: Routes = [
  {
    path: '',
    component: SettingsShell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => inject(SettingsAccess).firstPage() },
      ...PAGES.map(([path, title, loadComponent]): Route => ({
        path,
        title: `${title} · 系统设置`,
        canMatch: [mayOpenPage],
        loadComponent,
      })),
      // Relative redirects do not chain, so this one names the page itself.
      { path: '**', redirectTo: () => inject(SettingsAccess).firstPage() },
    ],
  },
];
