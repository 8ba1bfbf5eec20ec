import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { CORPS_LIST, type CorpView } from '../../../../sdk/contracts/corps-channels.js';
import {
  USERS_LIST,
  USERS_REMOVE,
  USERS_RESET_PASSWORD,
  USERS_SAVE,
  type UserRow,
} from '../../../../sdk/contracts/users-channels.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { UsersPage } from './users-page.js';

const CORPS: CorpView[] = [
  {
    corpId: 'corp-1',
    corpname: '模拟企业',
    corpid: 'ww0123456789',
    agentid: 1000002,
    appName: '',
    secretMasked: '',
  },
  {
    corpId: 'corp-2',
    corpname: '另一家企业',
    corpid: 'ww9876543210',
    agentid: 1000005,
    appName: '',
    secretMasked: '',
  },
];
const USERS: UserRow[] = [
  {
    id: 1,
    corpId: null,
    corpname: null,
    userid: 'root-admin',
    username: '超级管理员',
    tier: 'root-admin',
    hasPassword: true,
    lastLoginAt: Date.UTC(2025, 2, 13, 4, 17, 5),
  },
  {
    id: 2,
    corpId: 'corp-1',
    corpname: '模拟企业',
    userid: 'zhangsan',
    username: '张三',
    tier: 'wecom-admin',
    hasPassword: true,
    lastLoginAt: null,
  },
  {
    id: 3,
    corpId: 'corp-1',
    corpname: '模拟企业',
    userid: 'lisi',
    username: '李四',
    tier: 'user',
    hasPassword: false,
    lastLoginAt: null,
  },
];

async function render(users: UserRow[] = USERS) {
  const fake = setUpSettings({ tier: 'root-admin' });
  fake.answer(USERS_LIST, users).answer(CORPS_LIST, CORPS);
  const fixture = TestBed.createComponent(UsersPage);
  await settle(fixture);
  return { fixture, fake, root: TestbedHarnessEnvironment.documentRootLoader(fixture) };
}

async function openMenuOf(
  root: ReturnType<typeof TestbedHarnessEnvironment.documentRootLoader>,
  userid: string,
) {
  // The menu harness is its trigger's: pick the trigger of this account, not the first on the page.
  const menu = await root.getHarness(MatMenuHarness.with({ selector: `[aria-label="管理 ${userid}"]` }));
  await menu.open();
  return menu;
}

describe('UsersPage', () => {
  it('groups accounts by corp, local accounts first, without actions on root-admin', async () => {
    const { fixture } = await render();
    const groups = Array.from(
      fixture.nativeElement.querySelectorAll('section.group') as NodeListOf<HTMLElement>,
    );
    expect(groups.map((group) => text(group.querySelector('h3')))).toEqual([
      '本机账户 1 人',
      '模拟企业 2 人',
    ]);
    expect(text(groups[0])).toContain('2025-03-13 12:17:05');
    expect(groups[0]!.querySelector('button[aria-label^="管理"]')).toBeNull();
    expect(text(groups[1]!.querySelector('tr[data-userid="lisi"]'))).toContain('无需密码');
  });

  it('names the shared account of logins without a userid, and never offers to make it an admin', async () => {
    const anonymous: UserRow = { ...USERS[2]!, id: 9, userid: '', username: '' };
    const { fixture, root } = await render([...USERS, anonymous]);
    expect(text(fixture.nativeElement)).toContain('（未填写用户ID）');
    const menu = await openMenuOf(root, '（未填写用户ID）');
    const items = await menu.getItems();
    const labels = await Promise.all(items.map((item) => item.getText()));
    expect(labels).toEqual(['未填写用户ID的登录不能设为管理员', '移除']);
    expect(await items[0]!.isDisabled()).toBeTrue();
  });

  it('adds a WeCom admin to a chosen corp', async () => {
    const { fixture, fake, root } = await render();
    fake.answer(USERS_SAVE, { userid: 'wangwu', tier: 'wecom-admin', initialCode: 'ABCD-EFGH-JKMN' });
    await (await root.getHarness(MatButtonHarness.with({ text: /添加企微管理员/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatSelectHarness)).clickOptions({ text: '另一家企业' });
    const inputs = await dialog.getAllHarnesses(MatInputHarness);
    await inputs[0]!.setValue('WangWu');
    await inputs[1]!.setValue('王五');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '添加' }))).click();
    await until(fixture, () => document.querySelector('[data-testid="initial-code-value"]') !== null);
    // The one-time initial code, shown this once.
    expect(text(document.querySelector('[data-testid="initial-code-value"]'))).toBe('ABCD-EFGH-JKMN');
    expect(text(document.querySelector('mat-dialog-container'))).toContain('只显示这一次');
    (document.querySelector('[data-testid="initial-code-done"]') as HTMLButtonElement).click();
    await until(fixture, () => document.querySelector('mat-snack-bar-container') !== null);
    expect(fake.callsTo(USERS_SAVE)).toEqual([
      { corpId: 'corp-2', userid: 'WangWu', tier: 'wecom-admin', username: '王五' },
    ]);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain(
      '已将 wangwu 设为「另一家企业」的企微管理员',
    );
  });

  it('refuses a userid with characters WeCom does not use, before asking the host', async () => {
    const { fake, root } = await render();
    await (await root.getHarness(MatButtonHarness.with({ text: /添加企微管理员/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatSelectHarness)).clickOptions({ text: '模拟企业' });
    await (await dialog.getAllHarnesses(MatInputHarness))[0]!.setValue('张 三');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '添加' }))).click();
    expect(fake.callsTo(USERS_SAVE)).toEqual([]);
    expect(text(document.querySelector('mat-dialog-container'))).toContain('用户ID 只能包含字母、数字');
  });

  it('demotes an admin after confirmation, and resets a password', async () => {
    const { fixture, fake, root } = await render();
    fake
      .answer(USERS_SAVE, { userid: 'zhangsan', tier: 'user' })
      .answer(USERS_RESET_PASSWORD, { initialCode: 'PQRS-TUVW-XYZ2' });
    let menu = await openMenuOf(root, 'zhangsan');
    await menu.clickItem({ text: '改为普通用户' });
    let confirm = await root.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('取消「张三（zhangsan）」的企微管理员权限？');
    await (await confirm.getHarness(MatButtonHarness.with({ text: '改为普通用户' }))).click();
    await until(fixture, () => fake.callsTo(USERS_SAVE).length > 0);
    expect(fake.callsTo(USERS_SAVE)).toEqual([{ corpId: 'corp-1', userid: 'zhangsan', tier: 'user' }]);

    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    menu = await openMenuOf(root, 'zhangsan');
    await menu.clickItem({ text: /重置本地密码/ });
    confirm = await root.getHarness(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: '重置密码' }))).click();
    await until(fixture, () => fake.callsTo(USERS_RESET_PASSWORD).length > 0);
    expect(fake.callsTo(USERS_RESET_PASSWORD)).toEqual([{ id: 2 }]);
    // A reset admin gets a new initial code, shown once.
    await until(fixture, () => document.querySelector('[data-testid="initial-code-value"]') !== null);
    expect(text(document.querySelector('[data-testid="initial-code-value"]'))).toBe('PQRS-TUVW-XYZ2');
    (document.querySelector('[data-testid="initial-code-done"]') as HTMLButtonElement).click();
    await until(fixture, () => text(document.querySelector('mat-snack-bar-container')).includes('已重置'));
  });

  it('closes the add dialog on 取消 without adding anyone', async () => {
    const { fixture, fake, root } = await render();
    await (await root.getHarness(MatButtonHarness.with({ text: /添加企微管理员/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    await settle(fixture);
    expect(fake.callsTo(USERS_SAVE)).toEqual([]);
    expect(document.querySelector('mat-snack-bar-container')).toBeNull();
  });

  it('removes a user only when confirmed', async () => {
    const { fixture, fake, root } = await render();
    fake.answer(USERS_REMOVE, {});
    const menu = await openMenuOf(root, 'lisi');
    await menu.clickItem({ text: '移除' });
    const confirm = await root.getHarness(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    expect(fake.callsTo(USERS_REMOVE)).toEqual([]);
  });
});
