import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AccountTier } from '../../../sdk/contracts/tiers.js';
import { routes } from './routes.js';
import { setUpSettings, text } from './testing/settings-testing.js';

const MOUNTED = [{ path: 'settings', loadChildren: () => Promise.resolve(routes) }];

async function open(
  tier: AccountTier,
  url: string,
): Promise<{ harness: RouterTestingHarness; tabs: string[] }> {
  setUpSettings({ tier }, MOUNTED);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  const tabs = Array.from(harness.routeNativeElement?.querySelectorAll('a[mat-tab-link]') ?? []).map((link) =>
    text(link),
  );
  return { harness, tabs };
}

describe('settings routes', () => {
  it('give root-admin every page and open on 插件管理', async () => {
    const { tabs } = await open('root-admin', '/settings');
    expect(tabs).toEqual([
      '插件管理',
      '报表',
      '企业配置',
      '用户与权限',
      '可信 IP',
      '账户',
      '审计日志',
      '存储与日志',
      '数据清理',
      '软件更新',
      '关于',
    ]);
    expect(TestBed.inject(Router).url).toBe('/settings/plugins');
  });

  it('give a WeCom admin the corp pages but not users, the audit log or the installation pages', async () => {
    const { tabs } = await open('wecom-admin', '/settings/storage');
    expect(tabs).toEqual(['插件管理', '企业配置', '可信 IP', '账户', '关于']);
    expect(TestBed.inject(Router).url).toBe('/settings/plugins');
  });

  it('give a user only what concerns them, and send a forbidden URL to their first page', async () => {
    const { harness, tabs } = await open('user', '/settings/users');
    expect(tabs).toEqual(['可信 IP', '账户', '关于']);
    expect(TestBed.inject(Router).url).toBe('/settings/trusted-ips');
    await harness.navigateByUrl('/settings/account');
    expect(TestBed.inject(Router).url).toBe('/settings/account');
    expect(text(harness.routeNativeElement?.querySelector('a.mdc-tab--active, a[aria-current="page"]'))).toBe(
      '账户',
    );
  });
});
