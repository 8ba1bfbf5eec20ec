import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { ConfigView, UpdateFeedView } from '../../../../sdk/contracts/config.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { UpdatesPage } from './updates-page.js';
import { CONFIG_GET, CONFIG_SET_UPDATE_FEED } from '../../../../sdk/contracts/config-channels.js';

const BROWSER_MODE = '浏览器模式不会自动更新：请用新版本重新部署。这里保存的更新源供桌面版使用。';

function config(feed: Partial<UpdateFeedView> = {}): ConfigView {
  return {
    storage: {
      dataDir: '/d',
      database: { file: '/d/x.sqlite', sizeBytes: 0, pending: null, lastMove: null },
      logs: { dir: '/d/logs', configured: '/d/logs', isDefault: true, problem: null },
      restartRequired: false,
    },
    updateFeed: {
      url: null,
      source: 'none',
      savedUrl: null,
      envVariable: 'WECOM_LIVE_UPDATE_URL',
      problem: null,
      autoUpdate: { applies: false, reason: BROWSER_MODE },
      ...feed,
    },
  };
}

async function render(answer: ConfigView = config()) {
  const fake = setUpSettings({ tier: 'root-admin' });
  fake.answer(CONFIG_GET, answer);
  const fixture = TestBed.createComponent(UpdatesPage);
  await settle(fixture);
  const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  return {
    fixture,
    fake,
    root,
    input: await root.getHarness(MatInputHarness.with({ selector: '[data-testid=feed-input]' })),
  };
}

describe('UpdatesPage', () => {
  it('says browser mode does not update itself, and saves a feed anyway', async () => {
    const { fixture, fake, root, input } = await render();
    expect(text(fixture.nativeElement.querySelector('[data-testid=auto-update]'))).toBe(BROWSER_MODE);
    expect(text(fixture.nativeElement.querySelector('[data-testid=feed-source]'))).toBe('未设置');
    fake.answer(
      CONFIG_SET_UPDATE_FEED,
      config({ url: 'https://u.example/feed', source: 'file', savedUrl: 'https://u.example/feed' }),
    );
    await input.setValue('https://u.example/feed/');
    await (await root.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    await until(fixture, () => fake.callsTo(CONFIG_SET_UPDATE_FEED).length > 0);
    expect(fake.callsTo(CONFIG_SET_UPDATE_FEED)).toEqual([{ url: 'https://u.example/feed/' }]);
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('[data-testid=feed-url]'))).toBe(
      'https://u.example/feed',
    );
    expect(text(fixture.nativeElement.querySelector('[data-testid=feed-source]'))).toContain('update.json');
  });

  it('refuses plain http before asking the host, and clears a saved feed', async () => {
    const { fixture, fake, root, input } = await render(
      config({ url: 'https://u.example/feed', source: 'file', savedUrl: 'https://u.example/feed' }),
    );
    expect(await input.getValue()).toBe('https://u.example/feed');
    await input.setValue('http://updates.example.com/feed');
    await (await root.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('必须使用 https 网址');
    expect(fake.callsTo(CONFIG_SET_UPDATE_FEED)).toEqual([]);

    fake.answer(CONFIG_SET_UPDATE_FEED, config());
    await (await root.getHarness(MatButtonHarness.with({ text: '清除' }))).click();
    await until(fixture, () => fake.callsTo(CONFIG_SET_UPDATE_FEED).length > 0);
    expect(fake.callsTo(CONFIG_SET_UPDATE_FEED)).toEqual([{ url: null }]);
  });

  it('shows the host refusing a feed on the field', async () => {
    const { fixture, fake, root, input } = await render();
    fake.fail(CONFIG_SET_UPDATE_FEED, {
      code: 'INVALID_INPUT',
      message: '更新源地址无效：只支持 https 网址。',
      details: { field: 'url' },
    });
    await input.setValue('https://u.example/feed');
    await (await root.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    await until(fixture, () => text(fixture.nativeElement).includes('更新源地址无效'));
  });

  it('keeps the feed read-only while the environment decides it', async () => {
    const { fixture, root, input } = await render(
      config({
        url: 'https://env.example/feed',
        source: 'env',
        savedUrl: 'https://saved.example/feed',
        autoUpdate: { applies: true, reason: '安装版在启动后和每隔几小时检查一次更新。' },
      }),
    );
    expect(await input.isDisabled()).toBeTrue();
    expect(await (await root.getHarness(MatButtonHarness.with({ text: '保存' }))).isDisabled()).toBeTrue();
    const page = text(fixture.nativeElement);
    expect(page).toContain('WECOM_LIVE_UPDATE_URL');
    expect(page).toContain('https://env.example/feed');
    expect(text(fixture.nativeElement.querySelector('[data-testid=feed-source]'))).toBe('环境变量');
  });
});
