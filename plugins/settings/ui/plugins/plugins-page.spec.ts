import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import {
  PLUGINS_LIST,
  PLUGINS_SET_ENABLED,
  type PluginRow,
} from '../../../../sdk/contracts/plugins-channels.js';
import { setUpSettings, settle, text, until, type FakeTransport } from '../testing/settings-testing.js';
import { PluginsPage } from './plugins-page.js';

const PLUGINS: PluginRow[] = [
  {
    id: 'live-list',
    title: '成员直播列表',
    version: '1.0.0',
    core: false,
    state: 'enabled',
    tiers: ['user'],
    degraded: '处理事件 live-list.synced 时出错：boom',
  },
  { id: 'settings', title: '系统设置', version: '1.0.0', core: true, state: 'enabled' },
  { id: 'broken', state: 'failed', reason: 'plugin.json 无效：route：route 应为小写路径' },
];

async function render(tier: AccountTier, fake?: (fake: FakeTransport) => void) {
  const transport = setUpSettings({ tier });
  let rows = PLUGINS.map((row) => ({ ...row }));
  transport.answer(PLUGINS_LIST, () => rows);
  transport.answer(PLUGINS_SET_ENABLED, ({ id, enabled }) => {
    rows = rows.map((row) => (row.id === id ? { ...row, state: enabled ? 'enabled' : 'disabled' } : row));
    return {
      plugins: rows.map((row) => ({
        id: row.id,
        title: row.title ?? row.id,
        version: row.version ?? '',
        state: row.state,
      })),
    };
  });
  fake?.(transport);
  const fixture = TestBed.createComponent(PluginsPage);
  await settle(fixture);
  return {
    fixture,
    transport,
    loader: TestbedHarnessEnvironment.loader(fixture),
    root: TestbedHarnessEnvironment.documentRootLoader(fixture),
  };
}

describe('PluginsPage', () => {
  it('lists every plugin with its state, core first, and the reason of a failure', async () => {
    const { fixture } = await render('wecom-admin');
    const cards = Array.from(fixture.nativeElement.querySelectorAll('mat-card') as NodeListOf<HTMLElement>);
    expect(cards.map((card) => card.dataset['plugin'])).toEqual(['settings', 'live-list', 'broken']);
    expect(text(cards[1])).toContain('已启用');
    expect(text(cards[2])).toContain('加载失败');
    expect(text(cards[2])).toContain('原因：plugin.json 无效');
    // A plugin that misbehaved at run time stays enabled and says what happened.
    expect(text(cards[1])).toContain('运行异常：处理事件 live-list.synced 时出错：boom');
    expect(text(cards[0])).not.toContain('运行异常');
    // Read-only for a WeCom admin.
    expect(fixture.nativeElement.querySelector('mat-slide-toggle')).toBeNull();
  });

  it('lets root-admin switch a plugin off, and keeps the core plugin locked', async () => {
    const { fixture, transport, loader, root } = await render('root-admin');
    const toggles = await loader.getAllHarnesses(MatSlideToggleHarness);
    expect(toggles.length).toBe(2);
    expect(await toggles[0]!.isDisabled()).toBeTrue(); // settings: locked
    expect(fixture.nativeElement.querySelector('.locked')?.getAttribute('aria-label')).toBe(
      '核心插件，不能停用',
    );
    // Off for everyone is asked first; 取消 leaves it on and asks the host nothing.
    await toggles[1]!.toggle();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('所有账号都看不到「成员直播列表」');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    await settle(fixture);
    expect(await toggles[1]!.isChecked()).toBeTrue();
    expect(transport.callsTo(PLUGINS_SET_ENABLED)).toEqual([]);
    await toggles[1]!.toggle();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '停用' }))).click();
    await until(fixture, () => text(document.querySelector('mat-snack-bar-container')) !== '');
    expect(transport.callsTo(PLUGINS_SET_ENABLED)).toEqual([{ id: 'live-list', enabled: false }]);
    expect(text(fixture.nativeElement.querySelector('[data-plugin="live-list"]'))).toContain('已停用');
    expect(await toggles[1]!.isChecked()).toBeFalse();
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('已停用「成员直播列表」');
  });

  it('puts the toggle back when the host refuses', async () => {
    const { fixture, loader, root } = await render('root-admin', (transport) =>
      transport.fail(PLUGINS_SET_ENABLED, { code: 'FORBIDDEN', message: '没有权限。' }),
    );
    const toggle = (await loader.getAllHarnesses(MatSlideToggleHarness))[1]!;
    await toggle.toggle();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '停用' }))).click();
    await until(fixture, () => text(document.querySelector('mat-snack-bar-container')) !== '');
    expect(await toggle.isChecked()).toBeTrue();
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('没有权限。');
  });

  it('shows an error with a retry when the list cannot be read', async () => {
    const { fixture, transport } = await render('root-admin', (fake) =>
      fake.fail(PLUGINS_LIST, { code: 'INTERNAL', message: '内部错误' }),
    );
    expect(text(fixture.nativeElement.querySelector('[role="alert"]'))).toContain('内部错误');
    transport.answer(PLUGINS_LIST, PLUGINS);
    (fixture.nativeElement.querySelector('wl-page-state button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(fixture.nativeElement.querySelectorAll('mat-card').length).toBe(3);
  });
});
