import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AuditRow } from '../settings-api.js';
import { setUpSettings, settle, text } from '../testing/settings-testing.js';
import { AuditPage } from './audit-page.js';

function row(id: number, extra: Partial<AuditRow>): AuditRow {
  return {
    id,
    at: Date.UTC(2025, 2, 13, 4, 17, 5),
    actor_userid: 'root-admin',
    actor_tier: 'root-admin',
    action: 'auth.login',
    target: null,
    ok: true,
    detail: null,
    ...extra,
  };
}

async function render(preferences: unknown = {}) {
  const fake = setUpSettings({ tier: 'root-admin' });
  fake
    .answer('settings.getPreferences', preferences)
    .answer('settings.setPreferences', (input: unknown) => input);
  fake.answer('audit.list', (input: unknown) => {
    const { page } = input as { page: number };
    return {
      total: 45,
      rows:
        page === 1
          ? [
              row(3, { action: 'plugins.setEnabled', target: 'live-list', detail: { enabled: false } }),
              row(2, { actor_userid: null, actor_tier: null, target: 'root-admin', ok: false }),
              row(1, { action: 'corps.save', target: '模拟企业' }),
            ]
          : [row(100 + page, { action: 'trustedIps.add', target: '203.0.113.7' })],
    };
  });
  const fixture = TestBed.createComponent(AuditPage);
  await settle(fixture);
  return { fixture, fake, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe('AuditPage', () => {
  it('shows time in Beijing time, actor, the action in Chinese, target and result', async () => {
    const { fixture } = await render();
    const rows = Array.from(
      fixture.nativeElement.querySelectorAll('tr[mat-row]') as NodeListOf<HTMLElement>,
    ).map((tr) => Array.from(tr.querySelectorAll('td')).map(text).join(' '));
    expect(rows[0]).toBe('2025-03-13 12:17:05 root-admin（超级管理员） 停用插件 live-list 成功');
    expect(rows[1]).toBe('2025-03-13 12:17:05 （未登录） 登录 root-admin 失败');
    expect(rows[2]).toContain('保存企业配置 模拟企业');
  });

  it('pages on the host and filters by action', async () => {
    const { fixture, fake, loader } = await render();
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toContain('45');
    await paginator.goToNextPage();
    await settle(fixture);
    expect(fake.callsTo('audit.list').at(-1)).toEqual({ page: 2, pageSize: 20 });
    expect(text(fixture.nativeElement.querySelector('tr[mat-row]'))).toContain('添加可信IP');
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: '删除企业' });
    await settle(fixture);
    expect(fake.callsTo('audit.list').at(-1)).toEqual({ page: 1, pageSize: 20, action: 'corps.delete' });
  });

  it('remembers the page size per account', async () => {
    const { fixture, fake, loader } = await render({ auditPageSize: 50 });
    expect(fake.callsTo('audit.list')[0]).toEqual({ page: 1, pageSize: 50 });
    await (await loader.getHarness(MatPaginatorHarness)).setPageSize(100);
    await settle(fixture);
    expect(fake.callsTo('settings.setPreferences')).toEqual([{ auditPageSize: 100 }]);
    expect(fake.callsTo('audit.list').at(-1)).toEqual({ page: 1, pageSize: 100 });
  });
});
