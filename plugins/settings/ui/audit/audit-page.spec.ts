import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import {
  AUDIT_EXPORT,
  AUDIT_LIST,
  type AuditExportResult,
  type AuditRow,
} from '../../../../sdk/contracts/audit-channels.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import type { FakeBrowserFiles } from '../../../../sdk/ui/testing/fake-browser-files.js';
import type { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { AuditPage } from './audit-page.js';
import { FILES_DOWNLOAD_TICKET, FILES_SAVE_AS } from '../../../../sdk/contracts/files-channels.js';

const EXPORTED = { fileId: 'export-1', name: '审计日志-20250313-121705.xlsx', rows: 45 };

function exportButton(fixture: { nativeElement: HTMLElement }): HTMLButtonElement {
  const button = Array.from(fixture.nativeElement.querySelectorAll('button')).find((candidate) =>
    /导出/.test(text(candidate)),
  );
  if (button === undefined) throw new Error('no export button');
  return button;
}

function snackText(): string {
  return text(document.querySelector('mat-snack-bar-container'));
}

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

async function render(preferences: unknown = {}, before: (fake: FakeTransport) => void = () => undefined) {
  const fake = setUpSettings({ tier: 'root-admin' });
  before(fake);
  fake
    .answer('settings.getPreferences', preferences)
    .answer('settings.setPreferences', (input: unknown) => input);
  fake.answer(AUDIT_LIST, (input: unknown) => {
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
    expect(fake.callsTo(AUDIT_LIST).at(-1)).toEqual({ page: 2, pageSize: 20 });
    expect(text(fixture.nativeElement.querySelector('tr[mat-row]'))).toContain('添加可信 IP');
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: '删除企业' });
    await settle(fixture);
    expect(fake.callsTo(AUDIT_LIST).at(-1)).toEqual({ page: 1, pageSize: 20, action: 'corps.delete' });
  });

  it('remembers the page size per account', async () => {
    const { fixture, fake, loader } = await render({ auditPageSize: 50 });
    expect(fake.callsTo(AUDIT_LIST)[0]).toEqual({ page: 1, pageSize: 50 });
    await (await loader.getHarness(MatPaginatorHarness)).setPageSize(100);
    await settle(fixture);
    expect(fake.callsTo('settings.setPreferences')).toEqual([{ auditPageSize: 100 }]);
    expect(fake.callsTo(AUDIT_LIST).at(-1)).toEqual({ page: 1, pageSize: 100 });
  });

  describe('导出 Excel', () => {
    it('exports the filtered log and saves it through the native dialog (Electron), busy meanwhile', async () => {
      let finish: (value: AuditExportResult) => void = () => undefined;
      const { fixture, fake, loader } = await render({}, (fake) =>
        fake
          .answer(AUDIT_EXPORT, () => new Promise((resolve) => (finish = resolve)))
          .answer(FILES_SAVE_AS, { path: '/home/me/审计日志.xlsx', name: '审计日志.xlsx' }),
      );
      await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: '登录' });
      await settle(fixture);
      exportButton(fixture).click();
      await settle(fixture);
      expect(exportButton(fixture).disabled).toBeTrue();
      expect(text(exportButton(fixture))).toBe('正在导出…');
      expect(exportButton(fixture).getAttribute('aria-busy')).toBe('true');
      expect(fake.callsTo(AUDIT_EXPORT)).toEqual([{ action: 'auth.login' }]);

      finish(EXPORTED);
      await until(fixture, () => snackText() !== '');
      expect(fake.callsTo(FILES_SAVE_AS)).toEqual([{ fileId: 'export-1', defaultName: EXPORTED.name }]);
      expect(snackText()).toContain('已导出 45 条记录到 /home/me/审计日志.xlsx');
      expect(exportButton(fixture).disabled).toBeFalse();
      expect(text(exportButton(fixture))).toBe('导出 Excel');
    });

    it('downloads through a ticket in browser mode', async () => {
      const browser: { routes?: FakeBrowserFiles } = {};
      const { fixture, fake } = await render({}, (fake) => {
        browser.routes = fake.withBrowserFiles();
        fake
          .answer(AUDIT_EXPORT, EXPORTED)
          .answer(FILES_DOWNLOAD_TICKET, { url: '/download/t-1', expiresAt: 0 });
      });
      exportButton(fixture).click();
      await until(fixture, () => snackText() !== '');
      expect(fake.callsTo(AUDIT_EXPORT)).toEqual([{}]);
      expect(fake.callsTo(FILES_DOWNLOAD_TICKET)).toEqual([{ fileId: 'export-1' }]);
      expect(browser.routes?.downloads).toEqual([{ path: '/download/t-1', name: EXPORTED.name }]);
      expect(snackText()).toContain('正在下载 审计日志-20250313-121705.xlsx');
    });

    it('says why an export failed and lets the user try again; a cancelled save says nothing', async () => {
      const { fixture, fake } = await render({}, (fake) =>
        fake
          .fail(AUDIT_EXPORT, { code: 'FORBIDDEN', message: '需要超级管理员权限。' })
          .answer(FILES_SAVE_AS, null),
      );
      exportButton(fixture).click();
      await until(fixture, () => snackText() !== '');
      expect(snackText()).toContain('需要超级管理员权限');
      expect(exportButton(fixture).disabled).toBeFalse();
      expect(fake.callsTo(FILES_SAVE_AS)).toEqual([]);

      fake.answer(AUDIT_EXPORT, EXPORTED);
      exportButton(fixture).click();
      await settle(fixture);
      expect(fake.callsTo(FILES_SAVE_AS).length).toBe(1);
      expect(exportButton(fixture).disabled).toBeFalse();
    });
  });
});
