import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import {
  CORPS_CHECK,
  CORPS_DELETE,
  CORPS_LIST,
  CORPS_SAVE,
  type CorpView,
} from '../../../../sdk/contracts/corps-channels.js';
import { setUpSettings, settle, TEST_CORP, text, until } from '../testing/settings-testing.js';
import { CorpsPage } from './corps-page.js';

const CORPS: CorpView[] = [
  {
    corpId: 'corp-1',
    corpname: '模拟企业',
    corpid: 'ww0123456789',
    agentid: 1000002,
    appName: '直播助手',
    secretMasked: '••••••••xyz',
  },
  {
    corpId: 'corp-2',
    corpname: '另一家企业',
    corpid: 'ww9876543210',
    agentid: 1000005,
    appName: '',
    secretMasked: '••••••••abc',
  },
];

async function render(tier: AccountTier) {
  const fake = setUpSettings({ tier });
  let corps = CORPS.map((corp) => ({ ...corp }));
  fake.answer(CORPS_LIST, () => corps);
  fake.answer(CORPS_DELETE, (input: unknown) => {
    corps = corps.filter((corp) => corp.corpId !== (input as { corpId: string }).corpId);
    return {};
  });
  const fixture = TestBed.createComponent(CorpsPage);
  await settle(fixture);
  const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  return { fixture, fake, root };
}

function rows(fixture: { nativeElement: HTMLElement }): HTMLElement[] {
  return Array.from(fixture.nativeElement.querySelectorAll('tr[mat-row]'));
}

describe('CorpsPage', () => {
  it('shows root-admin every corp with the secret masked', async () => {
    const { fixture } = await render('root-admin');
    expect(rows(fixture).map((row) => row.dataset['corp'])).toEqual(['模拟企业', '另一家企业']);
    expect(text(rows(fixture)[0])).toContain('••••••••xyz');
    expect(text(fixture.nativeElement)).toContain('添加企业');
  });

  it('adds a corp: the four fields go to corps.save, and a field WeCom blames is marked', async () => {
    const { fixture, fake, root } = await render('root-admin');
    fake.fail(CORPS_SAVE, {
      code: 'WECOM_CONFIG_INVALID',
      message: '企业配置有误：应用 Secret（corpsecret）不正确，请核对后重试（secret 错误）',
      details: { field: 'corpsecret' },
    });
    await (await root.getHarness(MatButtonHarness.with({ text: /添加企业/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const inputs = await dialog.getAllHarnesses(MatInputHarness);
    expect(inputs.length).toBe(4);
    await inputs[0]!.setValue('新企业');
    await inputs[1]!.setValue('wwabcdef123456');
    await inputs[2]!.setValue('Secret_0123456789abcdef');
    await inputs[3]!.setValue('1000009');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '检查并保存' }))).click();
    await settle(fixture);
    expect(fake.callsTo(CORPS_SAVE)).toEqual([
      {
        corpname: '新企业',
        corpid: 'wwabcdef123456',
        agentid: 1000009,
        corpsecret: 'Secret_0123456789abcdef',
      },
    ]);
    const dialogText = text(document.querySelector('mat-dialog-container'));
    expect(dialogText).toContain('应用 Secret（corpsecret）不正确');
    // Fixed and saved: the dialog closes and the list is read again.
    fake.answer(CORPS_SAVE, { ...CORPS[0], corpId: 'corp-3', corpname: '新企业', appName: '新应用' });
    await inputs[2]!.setValue('Secret_right_0123456789');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '检查并保存' }))).click();
    await until(fixture, () => document.querySelector('mat-snack-bar-container') !== null);
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain(
      '已保存「新企业」，应用名称：新应用',
    );
  });

  it('checks a configuration and shows the app name', async () => {
    const { fixture, fake, root } = await render('root-admin');
    fake.answer(CORPS_CHECK, { ok: true, appName: '改名后的应用' });
    await (await root.getAllHarnesses(MatButtonHarness.with({ text: /检查配置/ })))[1]!.click();
    await settle(fixture);
    expect(fake.callsTo(CORPS_CHECK)).toEqual([{ corpId: 'corp-2' }]);
    expect(text(rows(fixture)[1])).toContain('改名后的应用');
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('应用名称：改名后的应用');
  });

  it('deletes only after confirmation', async () => {
    const { fixture, fake, root } = await render('root-admin');
    await (await root.getAllHarnesses(MatButtonHarness.with({ text: /删除/ })))[1]!.click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('删除企业「另一家企业」？');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    expect(fake.callsTo(CORPS_DELETE)).toEqual([]);
    await (await root.getAllHarnesses(MatButtonHarness.with({ text: /删除/ })))[1]!.click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '删除' }))).click();
    await until(fixture, () => rows(fixture).length === 1);
    expect(fake.callsTo(CORPS_DELETE)).toEqual([{ corpId: 'corp-2' }]);
    expect(rows(fixture).length).toBe(1);
  });

  it('lets a WeCom admin edit only their own corp, keeping the saved secret when left empty', async () => {
    const { fixture, fake, root } = await render('wecom-admin');
    expect(rows(fixture).map((row) => row.dataset['corp'])).toEqual([TEST_CORP.corpname]);
    expect(text(fixture.nativeElement)).not.toContain('添加企业');
    expect(await root.getAllHarnesses(MatButtonHarness.with({ text: /删除/ }))).toEqual([]);
    fake.answer(CORPS_SAVE, CORPS[0]);
    await (await root.getHarness(MatButtonHarness.with({ text: /编辑/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const inputs = await dialog.getAllHarnesses(MatInputHarness);
    expect(await inputs[0]!.getValue()).toBe('模拟企业');
    expect(await inputs[2]!.getValue()).toBe('');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '检查并保存' }))).click();
    await settle(fixture);
    expect(fake.callsTo(CORPS_SAVE)).toEqual([
      { corpname: '模拟企业', corpid: 'ww0123456789', agentid: 1000002, corpId: 'corp-1' },
    ]);
  });

  it('judges the fields by the shared corp app rules: an AgentId beyond 32 bits is refused', async () => {
    const { fixture, fake, root } = await render('root-admin');
    await (await root.getHarness(MatButtonHarness.with({ text: /添加企业/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const inputs = await dialog.getAllHarnesses(MatInputHarness);
    await inputs[0]!.setValue('新企业');
    await inputs[1]!.setValue('wwabcdef123456');
    await inputs[2]!.setValue('Secret_0123456789abcdef');
    await inputs[3]!.setValue('2147483648');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '检查并保存' }))).click();
    await settle(fixture);
    expect(fake.callsTo(CORPS_SAVE)).toEqual([]);
    expect(text(document.querySelector('mat-dialog-container'))).toContain('AgentId 应为正整数');
    await inputs[3]!.setValue('2147483647');
    await inputs[1]!.setValue('ww-bad');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '检查并保存' }))).click();
    await settle(fixture);
    expect(fake.callsTo(CORPS_SAVE)).toEqual([]);
    expect(text(document.querySelector('mat-dialog-container'))).toContain('企业ID 应为 6–64 位字母或数字');
  });
});
