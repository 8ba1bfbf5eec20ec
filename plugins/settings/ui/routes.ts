// Child routes of /settings, lazy-loaded by the shell from plugin.json's `route`. Each page is its own
// chunk and matches only for the tiers that may use it; anything else lands on the account's first page.
import { inject } from '@angular/core';
import { Router, type CanMatchFn, type Routes } from '@angular/router';
import { SettingsAccess } from './settings-access.js';
import { SettingsShell } from './settings-shell.js';

const mayOpenPage: CanMatchFn = (route) => {
  const access = inject(SettingsAccess);
  // Signed out: the shell's login guard normally gets there first; never loop between settings pages.
  if (access.tier() === null) return inject(Router).parseUrl('/');
  return access.mayOpen(route.path ?? '');
};

export const routes: Routes = [
  {
    path: '',
    component: SettingsShell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => inject(SettingsAccess).firstPage() },
      {
        path: 'plugins',
        title: '插件管理 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./plugins/plugins-page.js').then((m) => m.PluginsPage),
      },
      {
        path: 'reports',
        title: '报表 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./reports/reports-page.js').then((m) => m.ReportsPage),
      },
      {
        path: 'corps',
        title: '企业配置 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./corps/corps-page.js').then((m) => m.CorpsPage),
      },
      {
        path: 'users',
        title: '用户与权限 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./users/users-page.js').then((m) => m.UsersPage),
      },
      {
        path: 'trusted-ips',
        title: '可信 IP · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./trusted-ips/trusted-ips-page.js').then((m) => m.TrustedIpsPage),
      },
      {
        path: 'account',
        title: '账户 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./account/account-page.js').then((m) => m.AccountPage),
      },
      {
        path: 'audit',
        title: '审计日志 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./audit/audit-page.js').then((m) => m.AuditPage),
      },
      {
        path: 'storage',
        title: '存储与日志 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./storage/storage-page.js').then((m) => m.StoragePage),
      },
      {
        path: 'cleanup',
        title: '数据清理 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./cleanup/cleanup-page.js').then((m) => m.CleanupPage),
      },
      {
        path: 'updates',
        title: '软件更新 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./updates/updates-page.js').then((m) => m.UpdatesPage),
      },
      {
        path: 'about',
        title: '关于 · 系统设置',
        canMatch: [mayOpenPage],
        loadComponent: () => import('./about/about-page.js').then((m) => m.AboutPage),
      },
      // Relative redirects do not chain, so this one names the page itself.
      { path: '**', redirectTo: () => inject(SettingsAccess).firstPage() },
    ],
  },
];
