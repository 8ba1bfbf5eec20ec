import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideAppIcons } from './icons.js';
import { IpNotAllowedWatcher } from './ip-not-allowed-watcher.js';
import { RpcClient } from './rpc-client.js';
import { FakeTransport } from './testing/fake-transport.js';
import { z } from 'zod';
import { defineChannel, returns } from '../contracts/channel.js';

/** A WeCom business channel as a plugin declares it (sdk cannot import a plugin's declaration). */
const SYNC = defineChannel({
  name: 'live-list.sync',
  input: z.object({ userid: z.string().optional() }),
  output: returns<{ jobId: string }>(),
  minTier: 'user',
  requiresCorp: true,
});

const DETAILS = {
  ip: '139.215.46.96',
  ips: ['10.0.0.1', '139.215.46.96'],
  copyText: '10.0.0.1;139.215.46.96',
  consoleUrl: 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
  appName: '直播助手',
  retryAfter: '',
};

describe('TrustedIpDialog via IpNotAllowedWatcher', () => {
  let fake: FakeTransport;
  let rpc: RpcClient;

  function overlay(): HTMLElement {
    const pane = document.querySelector<HTMLElement>('.cdk-overlay-container wl-trusted-ip-dialog');
    if (pane === null) throw new Error('the dialog is not open');
    return pane;
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  beforeEach(() => {
    fake = new FakeTransport().fail('live-list.sync', {
      code: 'WECOM_IP_NOT_ALLOWED',
      message: '企业微信拒绝了来自 139.215.46.96 的请求',
      details: { ...DETAILS, retryAfter: new Date(Date.now() + 5 * 60_000).toISOString() },
    });
    TestBed.configureTestingModule({ providers: [provideAppIcons()] });
    rpc = TestBed.inject(RpcClient);
    rpc.use(fake);
    TestBed.inject(IpNotAllowedWatcher).start();
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('opens on a WECOM_IP_NOT_ALLOWED answer with the IP, the steps, the link and the full list', async () => {
    await expectAsync(rpc.call(SYNC, { userid: 'x' })).toBeRejected();
    await settle();
    const dialog = overlay();
    expect(dialog.textContent).toContain('139.215.46.96');
    expect(dialog.textContent).toContain('应用「直播助手」');
    expect(dialog.textContent).toContain('企业可信 IP');
    expect(dialog.textContent).toContain('可信域名');
    expect(dialog.textContent).toContain('接收消息服务器 URL');
    expect(dialog.querySelector('a')?.getAttribute('href')).toBe(DETAILS.consoleUrl);
    const list = dialog.querySelector('textarea');
    expect(list?.value).toBe('10.0.0.1;139.215.46.96');
    expect(list?.readOnly).toBeTrue();
    expect(dialog.textContent).toContain('共 2 个');
    expect(dialog.querySelector('[role="timer"]')?.textContent).toMatch(/[45]:\d\d 后重试/);
  });

  it('copies the list with the Clipboard API', async () => {
    const write = spyOn(navigator.clipboard, 'writeText').and.resolveTo();
    await expectAsync(rpc.call(SYNC)).toBeRejected();
    await settle();
    const copy = [...overlay().querySelectorAll('button')].find((b) => b.textContent?.includes('复制列表'));
    copy?.click();
    await settle();
    expect(write).toHaveBeenCalledWith('10.0.0.1;139.215.46.96');
    expect(overlay().textContent).toContain('已复制');
  });

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    spyOn(navigator.clipboard, 'writeText').and.rejectWith(new Error('denied'));
    const exec = spyOn(document, 'execCommand').and.returnValue(true);
    await expectAsync(rpc.call(SYNC)).toBeRejected();
    await settle();
    [...overlay().querySelectorAll('button')].find((b) => b.textContent?.includes('复制列表'))?.click();
    await settle();
    expect(exec).toHaveBeenCalledWith('copy');
    expect(overlay().textContent).toContain('已复制');
  });

  it('opens for a background 60020 and refreshes the open dialog instead of stacking another', async () => {
    rpc.setSession('s1');
    await Promise.resolve();
    fake.emit('wecom.ipNotAllowed', {
      ip: '1.2.3.4',
      ips: ['1.2.3.4'],
      consoleUrl: DETAILS.consoleUrl,
      retryAfter: new Date(Date.now() + 60_000).toISOString(),
    });
    await settle();
    expect(overlay().textContent).toContain('1.2.3.4');
    expect(overlay().textContent).toContain('本应用');
    fake.emit('wecom.ipNotAllowed', {
      ip: '5.6.7.8',
      ips: ['1.2.3.4', '5.6.7.8'],
      consoleUrl: DETAILS.consoleUrl,
      appName: '直播助手',
      retryAfter: new Date(Date.now() - 1000).toISOString(),
    });
    await settle();
    expect(document.querySelectorAll('wl-trusted-ip-dialog').length).toBe(1);
    expect(overlay().querySelector('textarea')?.value).toBe('1.2.3.4;5.6.7.8');
    expect(overlay().textContent).toContain('现在可以重试了');
    rpc.setSession(null);
  });
});
