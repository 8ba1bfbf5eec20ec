import { Clipboard } from '@angular/cdk/clipboard';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import {
  TRUSTED_IPS_ADD,
  TRUSTED_IPS_DETECT_PUBLIC_IP,
  TRUSTED_IPS_LIST,
  TRUSTED_IPS_REPLACE,
  type TrustedIpsView,
} from '../../../../sdk/contracts/trusted-ips-channels.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { TrustedIpsPage } from './trusted-ips-page.js';

const CONSOLE = 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp';
const VIEW: TrustedIpsView = {
  ips: [
    {
      ip: '139.215.46.96',
      source: 'wecom-60020',
      firstSeenAt: Date.UTC(2025, 2, 13, 4, 0, 0),
      lastSeenAt: Date.UTC(2025, 2, 13, 5, 0, 0),
    },
    {
      ip: '203.0.113.7',
      source: 'detected',
      firstSeenAt: Date.UTC(2025, 2, 14, 4, 0, 0),
      lastSeenAt: Date.UTC(2025, 2, 14, 4, 0, 0),
    },
  ],
  copyText: '139.215.46.96;203.0.113.7',
  limit: 120,
  consoleUrl: CONSOLE,
};

async function render(tier: AccountTier) {
  const fake = setUpSettings({ tier });
  fake.answer(TRUSTED_IPS_LIST, VIEW);
  const fixture = TestBed.createComponent(TrustedIpsPage);
  await settle(fixture);
  return { fixture, fake, root: TestbedHarnessEnvironment.documentRootLoader(fixture) };
}

describe('TrustedIpsPage', () => {
  it('lists the IPs with their source and times, the count against the limit and the console URL', async () => {
    const { fixture } = await render('user');
    const rows = Array.from(fixture.nativeElement.querySelectorAll('tr[mat-row]') as NodeListOf<HTMLElement>);
    expect(rows.map((row) => row.dataset['ip'])).toEqual(['139.215.46.96', '203.0.113.7']);
    expect(text(rows[0])).toContain('企业微信报错 60020');
    expect(text(rows[0])).toContain('2025-03-13 12:00:00');
    expect(text(rows[1])).toContain('检测到的公网IP');
    expect(text(fixture.nativeElement)).toContain('2 / 120');
    expect(fixture.nativeElement.querySelector(`a[href="${CONSOLE}"]`)).not.toBeNull();
    expect(text(fixture.nativeElement)).toContain('可信域名');
    // A user copies and detects, but does not edit.
    expect(text(fixture.nativeElement)).not.toContain('编辑列表');
    expect(fixture.nativeElement.querySelector('form.add')).toBeNull();
  });

  it('shows an IP recorded from a 60020 as soon as the host reports it', async () => {
    const { fixture, fake } = await render('user');
    const recorded = { ip: '192.0.2.60', source: 'wecom-60020' as const, firstSeenAt: 0, lastSeenAt: 0 };
    fake.answer(TRUSTED_IPS_LIST, { ...VIEW, ips: [...VIEW.ips, recorded] });
    fake.emit('wecom.ipNotAllowed', {
      ip: '192.0.2.60',
      ips: ['192.0.2.60'],
      consoleUrl: CONSOLE,
      retryAfter: '5 分钟',
    });
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('tr[data-ip="192.0.2.60"]')).not.toBeNull();
  });

  it('copies the whole list joined with semicolons', async () => {
    const { root } = await render('user');
    const copy = spyOn(TestBed.inject(Clipboard), 'copy').and.returnValue(true);
    await (await root.getHarness(MatButtonHarness.with({ text: /复制全部/ }))).click();
    expect(copy).toHaveBeenCalledWith('139.215.46.96;203.0.113.7');
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('已复制 2 个IP');
  });

  it('detects the public IP on demand and shows it', async () => {
    const { fixture, fake, root } = await render('user');
    expect(fake.callsTo(TRUSTED_IPS_DETECT_PUBLIC_IP)).toEqual([]);
    fake.answer(TRUSTED_IPS_DETECT_PUBLIC_IP, {
      ip: '198.51.100.4',
      source: 'ip.example',
      message: '本机公网 IP：198.51.100.4',
    });
    await (await root.getHarness(MatButtonHarness.with({ text: /检测公网IP/ }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('[data-testid="detected-ip"]'))).toBe('198.51.100.4');
    expect(text(fixture.nativeElement)).toContain('ip.example');
  });

  it('says so when no service answered', async () => {
    const { fixture, fake, root } = await render('user');
    fake.answer(TRUSTED_IPS_DETECT_PUBLIC_IP, {
      ip: null,
      source: null,
      message: '无法检测本机公网 IP，请手动填写。',
    });
    await (await root.getHarness(MatButtonHarness.with({ text: /检测公网IP/ }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('.detect [role="alert"]'))).toBe(
      '无法检测本机公网 IP，请手动填写。',
    );
  });

  it('lets an admin add one IP, checked before it is sent', async () => {
    const { fixture, fake, root } = await render('wecom-admin');
    fake.answer(TRUSTED_IPS_ADD, { ips: [], added: true, dropped: [] });
    const input = await root.getHarness(MatInputHarness.with({ placeholder: '例如 203.0.113.10' }));
    await input.setValue('300.1.1.1');
    await (await root.getHarness(MatButtonHarness.with({ text: /^添加$/ }))).click();
    expect(fake.callsTo(TRUSTED_IPS_ADD)).toEqual([]);
    expect(text(fixture.nativeElement.querySelector('form.add'))).toContain('不是有效的 IPv4 或 IPv6 地址');
    await input.setValue(' 198.51.100.9 ');
    await (await root.getHarness(MatButtonHarness.with({ text: /^添加$/ }))).click();
    await settle(fixture);
    expect(fake.callsTo(TRUSTED_IPS_ADD)).toEqual([{ ip: '198.51.100.9' }]);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('已添加 198.51.100.9');
    expect(await input.getValue()).toBe('');
  });

  it('edits the list as text, refusing invalid lines', async () => {
    const { fixture, fake, root } = await render('root-admin');
    fake.answer(TRUSTED_IPS_REPLACE, (input) => ({
      ...VIEW,
      ips: input.ips.map((ip) => ({
        ip,
        source: 'manual' as const,
        firstSeenAt: 0,
        lastSeenAt: 0,
      })),
    }));
    await (await root.getHarness(MatButtonHarness.with({ text: /编辑列表/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const area = await dialog.getHarness(MatInputHarness);
    expect(await area.getValue()).toBe('139.215.46.96\n203.0.113.7');
    const save = await dialog.getHarness(MatButtonHarness.with({ text: '保存' }));
    await area.setValue('139.215.46.96\nfoo\n2001:db8::1');
    expect(await save.isDisabled()).toBeTrue();
    expect(text(document.querySelector('mat-dialog-container'))).toContain(
      '第 2 行：「foo」不是有效的 IP 地址',
    );
    await area.setValue('139.215.46.96\n2001:db8::1');
    await save.click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    expect(fake.callsTo(TRUSTED_IPS_REPLACE)).toEqual([{ ips: ['139.215.46.96', '2001:db8::1'] }]);
    expect(text(fixture.nativeElement)).toContain('2001:db8::1');
  });
});
