import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { setUpSettings, settle, text } from '../testing/settings-testing.js';
import { AccountPage } from './account-page.js';
import { AUTH_CHANGE_PASSWORD } from '../../../../sdk/contracts/auth-channels.js';

async function render(tier: AccountTier) {
  const fake = setUpSettings({ tier });
  const fixture = TestBed.createComponent(AccountPage);
  await settle(fixture);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return { fixture, fake, loader };
}

async function fill(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, values: string[]) {
  const inputs = await loader.getAllHarnesses(MatInputHarness);
  for (const [index, value] of values.entries()) await inputs[index]!.setValue(value);
  await (await loader.getHarness(MatButtonHarness.with({ text: '修改密码' }))).click();
}

describe('AccountPage', () => {
  afterEach(() => TestBed.inject(AppTheme).choose('system'));

  it('offers every account the theme choice, applied and remembered at once', async () => {
    const { loader } = await render('user');
    const system = await loader.getHarness(MatButtonToggleHarness.with({ text: '跟随系统' }));
    expect(await system.isChecked()).toBeTrue();
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '暗色' }))).check();
    expect(TestBed.inject(AppTheme).mode()).toBe('dark');
    expect(document.documentElement.classList.contains('theme-dark')).toBeTrue();
    expect(localStorage.getItem('wecom-live.theme')).toBe('dark');
  });

  it('tells a user that they log in without a password, and offers no password form', async () => {
    const { fixture } = await render('user');
    expect(text(fixture.nativeElement)).toContain('普通用户使用企业微信账号登录，无需密码');
    expect(text(fixture.nativeElement)).toContain('模拟企业');
    expect(fixture.nativeElement.querySelector('input[type="password"]')).toBeNull();
  });

  it('checks the new password locally before asking the host', async () => {
    const { fixture, fake, loader } = await render('root-admin');
    await fill(loader, ['Old-pass1', 'short1', 'short1']);
    expect(text(fixture.nativeElement)).toContain('密码至少 12 位');
    await fill(loader, ['Old-pass1', 'Password2026!', 'Password2026!']);
    expect(text(fixture.nativeElement)).toContain('密码太常见');
    expect(text(fixture.nativeElement)).toContain('强度：弱');
    await fill(loader, ['Old-pass1', 'Quiet-Harbor-Lamp-9', 'Quiet-Harbor-Lamp-X']);
    expect(text(fixture.nativeElement)).toContain('强度：强');
    expect(text(fixture.nativeElement)).toContain('两次输入的新密码不一致');
    expect(fake.callsTo(AUTH_CHANGE_PASSWORD)).toEqual([]);
  });

  it('changes the password and shows a wrong old password on its field', async () => {
    const { fixture, fake, loader } = await render('wecom-admin');
    // The host's answer to a wrong old password: the session stays (the error names its field).
    fake.fail(AUTH_CHANGE_PASSWORD, {
      code: 'UNAUTHENTICATED',
      message: '原密码不正确。',
      details: { field: 'oldPassword' },
    });
    await fill(loader, ['Wrong-pass1', 'Quiet-Harbor-Lamp-9', 'Quiet-Harbor-Lamp-9']);
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('mat-error'))).toBe('原密码不正确。');
    fake.answer(AUTH_CHANGE_PASSWORD, {});
    await fill(loader, ['Right-pass1', 'Quiet-Harbor-Lamp-9', 'Quiet-Harbor-Lamp-9']);
    await settle(fixture);
    expect(fake.callsTo(AUTH_CHANGE_PASSWORD)).toEqual([
      { oldPassword: 'Wrong-pass1', newPassword: 'Quiet-Harbor-Lamp-9' },
      { oldPassword: 'Right-pass1', newPassword: 'Quiet-Harbor-Lamp-9' },
    ]);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('密码已修改');
    // The emptied form shows no errors.
    expect(fixture.nativeElement.querySelector('mat-error')).toBeNull();
  });
});
