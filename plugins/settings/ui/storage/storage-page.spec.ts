import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { FakeRpcFailure } from '../../../../sdk/ui/testing/fake-transport.js';
import type { ConfigView, StorageView } from '../../../../sdk/contracts/config.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { StoragePage } from './storage-page.js';
import {
  CONFIG_CANCEL_DATABASE_CHANGE,
  CONFIG_CHECK_DATABASE_CHANGE,
  CONFIG_GET,
  CONFIG_MOVE_DATABASE,
  CONFIG_SET_LOG_DIR,
  CONFIG_USE_DATABASE,
} from '../../../../sdk/contracts/config-channels.js';

const STORAGE: StorageView = {
  dataDir: '/data/wecom-live',
  database: {
    file: '/data/wecom-live/wecom-live.sqlite',
    sizeBytes: 5.5 * 1024 * 1024,
    pending: null,
    lastMove: null,
  },
  logs: { dir: '/data/wecom-live/logs', configured: '/data/wecom-live/logs', isDefault: true, problem: null },
  restartRequired: false,
};

function config(storage: Partial<StorageView> = {}): ConfigView {
  return {
    storage: { ...STORAGE, ...storage },
    updateFeed: {
      url: null,
      source: 'none',
      savedUrl: null,
      envVariable: 'WECOM_LIVE_UPDATE_URL',
      problem: null,
      autoUpdate: { applies: false, reason: '' },
    },
  };
}

async function render(answer: ConfigView = config()) {
  const fake = setUpSettings({ tier: 'root-admin' });
  fake.answer(CONFIG_GET, answer);
  const fixture = TestBed.createComponent(StoragePage);
  await settle(fixture);
  return { fixture, fake, root: TestbedHarnessEnvironment.documentRootLoader(fixture) };
}

describe('StoragePage', () => {
  it('shows the database file, its size and the log folder, with no restart pending', async () => {
    const { fixture } = await render();
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('[data-testid=database-file]'))).toBe(
      '/data/wecom-live/wecom-live.sqlite',
    );
    expect(text(page.querySelector('[data-testid=database-size]'))).toBe('5.5 MB');
    expect(text(page.querySelector('[data-testid=log-dir]'))).toBe('/data/wecom-live/logs');
    expect(page.querySelector('[data-testid=restart-notice]')).toBeNull();
    expect(page.querySelector('[data-testid=database-pending]')).toBeNull();
  });

  it('moves the database after confirmation, then shows the pending move and the restart notice', async () => {
    const { fixture, fake, root } = await render();
    fake.answer(
      CONFIG_MOVE_DATABASE,
      config({
        database: { ...STORAGE.database, pending: { kind: 'move', file: '/mnt/d/wecom/wecom-live.sqlite' } },
        restartRequired: true,
      }),
    );
    const [databasePath] = await root.getAllHarnesses(
      MatInputHarness.with({ selector: '[data-testid=database-path]' }),
    );
    fake.answer(CONFIG_CHECK_DATABASE_CHANGE, { target: '/mnt/d/wecom/wecom-live.sqlite' });
    await databasePath!.setValue('/mnt/d/wecom');
    await (await root.getHarness(MatButtonHarness.with({ text: '迁移数据库' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('迁移数据库？');
    expect(await dialog.getContentText()).toContain('/mnt/d/wecom/wecom-live.sqlite');
    expect(fake.callsTo(CONFIG_CHECK_DATABASE_CHANGE)).toEqual([{ mode: 'move', folder: '/mnt/d/wecom' }]);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '下次启动时迁移' }))).click();
    await until(fixture, () => fake.callsTo(CONFIG_MOVE_DATABASE).length > 0);
    expect(fake.callsTo(CONFIG_MOVE_DATABASE)).toEqual([{ folder: '/mnt/d/wecom' }]);
    await until(
      fixture,
      () => fixture.nativeElement.querySelector('[data-testid=database-pending]') !== null,
    );
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('[data-testid=database-pending]'))).toContain('下次启动时迁移到');
    expect(text(page.querySelector('[data-testid=restart-notice]'))).toContain('重新启动');
  });

  it('asks nothing when cancelled, and names a path the host refuses on the field before confirming', async () => {
    const { fixture, fake, root } = await render();
    fake.answer(CONFIG_CHECK_DATABASE_CHANGE, (input: unknown) => {
      if ((input as { file?: string }).file === '/tmp/x.sqlite') {
        throw new FakeRpcFailure({
          code: 'INVALID_INPUT',
          message: '不能使用 /tmp/x.sqlite：不是 SQLite 数据库文件。',
          details: { field: 'file' },
        });
      }
      return { target: '/backup/wecom-live.sqlite' };
    });
    await (await root.getHarness(MatButtonToggleHarness.with({ text: '使用已有的数据库文件' }))).check();
    const input = await root.getHarness(MatInputHarness.with({ selector: '[data-testid=database-path]' }));
    await input.setValue('/backup/wecom-live.sqlite');
    await (await root.getHarness(MatButtonHarness.with({ text: '改用此文件' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    expect(fake.callsTo(CONFIG_USE_DATABASE)).toEqual([]);

    await input.setValue('/tmp/x.sqlite');
    await (await root.getHarness(MatButtonHarness.with({ text: '改用此文件' }))).click();
    await until(fixture, () => text(fixture.nativeElement).includes('不是 SQLite 数据库文件'));
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(fake.callsTo(CONFIG_USE_DATABASE)).toEqual([]);
  });

  it('refuses a folder in the temp folder before asking to confirm the move', async () => {
    const { fixture, fake, root } = await render();
    fake.fail(CONFIG_CHECK_DATABASE_CHANGE, {
      code: 'INVALID_INPUT',
      message: '不能使用临时文件夹 /tmp/wecom：其中的文件随时可能被系统删除。',
      details: { field: 'folder' },
    });
    const input = await root.getHarness(MatInputHarness.with({ selector: '[data-testid=database-path]' }));
    await input.setValue('/tmp/wecom');
    await (await root.getHarness(MatButtonHarness.with({ text: '迁移数据库' }))).click();
    await until(fixture, () => text(fixture.nativeElement).includes('临时文件夹'));
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(fake.callsTo(CONFIG_MOVE_DATABASE)).toEqual([]);
  });

  it('asks for a folder before asking the host', async () => {
    const { fixture, fake, root } = await render();
    await (await root.getHarness(MatButtonHarness.with({ text: '迁移数据库' }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('请填写目标文件夹');
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(fake.callsTo(CONFIG_MOVE_DATABASE)).toEqual([]);
  });

  it('refuses a relative path or a network share on the field, before asking to confirm', async () => {
    const { fixture, fake, root } = await render();
    const input = await root.getHarness(MatInputHarness.with({ selector: '[data-testid=database-path]' }));
    await input.setValue('数据\\新位置');
    await (await root.getHarness(MatButtonHarness.with({ text: '迁移数据库' }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('请填写完整路径');
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    await input.setValue('\\\\nas\\share');
    await (await root.getHarness(MatButtonHarness.with({ text: '迁移数据库' }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('不能使用网络路径');
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(fake.callsTo(CONFIG_MOVE_DATABASE)).toEqual([]);
  });

  it('cancels a pending change', async () => {
    const { fixture, fake, root } = await render(
      config({
        database: { ...STORAGE.database, pending: { kind: 'use', file: '/backup/wecom-live.sqlite' } },
        restartRequired: true,
      }),
    );
    expect(text(fixture.nativeElement.querySelector('[data-testid=database-pending]'))).toContain(
      '下次启动时改用',
    );
    fake.answer(CONFIG_CANCEL_DATABASE_CHANGE, config());
    await (await root.getHarness(MatButtonHarness.with({ text: '撤销更改' }))).click();
    await until(
      fixture,
      () => fixture.nativeElement.querySelector('[data-testid=database-pending]') === null,
    );
    expect(fake.callsTo(CONFIG_CANCEL_DATABASE_CHANGE)).toEqual([{}]);
  });

  it('saves a log folder and offers the default back', async () => {
    const { fixture, fake, root } = await render();
    fake.answer(
      CONFIG_SET_LOG_DIR,
      config({
        logs: { ...STORAGE.logs, configured: '/var/log/wecom', isDefault: false },
        restartRequired: true,
      }),
    );
    const input = await root.getHarness(MatInputHarness.with({ selector: '[data-testid=log-path]' }));
    await input.setValue('/var/log/wecom');
    await (await root.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    await until(fixture, () => fixture.nativeElement.querySelector('[data-testid=log-next]') !== null);
    expect(fake.callsTo(CONFIG_SET_LOG_DIR)).toEqual([{ folder: '/var/log/wecom' }]);
    expect(text(fixture.nativeElement.querySelector('[data-testid=log-next]'))).toBe('/var/log/wecom');
    // The field is emptied after the save without complaining that it is empty.
    expect(text(fixture.nativeElement)).not.toContain('请填写日志文件夹');
    await (await root.getHarness(MatButtonHarness.with({ text: '恢复默认' }))).click();
    await until(fixture, () => fake.callsTo(CONFIG_SET_LOG_DIR).length === 2);
    expect(fake.callsTo(CONFIG_SET_LOG_DIR)[1]).toEqual({ folder: null });
  });

  it('reports the outcome of the last move and a log folder that could not be used', async () => {
    const { fixture } = await render(
      config({
        database: {
          ...STORAGE.database,
          lastMove: {
            ok: false,
            from: '/a',
            to: '/b',
            at: Date.UTC(2025, 5, 1, 2, 0, 0),
            message: '数据库未能迁移到 /b：目标位置已有文件。程序继续使用原文件 /a。',
          },
        },
        logs: {
          ...STORAGE.logs,
          problem: '无法写入日志文件夹 /x（ENOENT），本次改写到 /data/wecom-live/logs。',
        },
      }),
    );
    const page = text(fixture.nativeElement);
    expect(page).toContain('程序继续使用原文件 /a');
    expect(page).toContain('2025-06-01 10:00:00');
    expect(page).toContain('无法写入日志文件夹 /x');
  });

  it('shows an error with a retry when the settings cannot be read', async () => {
    const fake = setUpSettings({ tier: 'root-admin' });
    fake.fail(CONFIG_GET, { code: 'FORBIDDEN', message: '没有权限。' });
    const fixture = TestBed.createComponent(StoragePage);
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('没有权限。');
    fake.answer(CONFIG_GET, config());
    await (
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(
        MatButtonHarness.with({ text: '重试' }),
      )
    ).click();
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[data-testid=database-file]')).not.toBeNull();
  });
});
