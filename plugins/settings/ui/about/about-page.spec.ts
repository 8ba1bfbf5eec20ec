import { TestBed } from '@angular/core/testing';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import { HOST_ABOUT, type AboutInfo } from '../../../../sdk/contracts/host-channels.js';
import { setUpSettings, settle, text } from '../testing/settings-testing.js';
import { AboutPage } from './about-page.js';

async function render(tier: AccountTier, about: AboutInfo) {
  const fake = setUpSettings({ tier });
  fake.answer(HOST_ABOUT, about);
  const fixture = TestBed.createComponent(AboutPage);
  await settle(fixture);
  return fixture;
}

describe('AboutPage', () => {
  it('shows admins the version, licence and where the data lives', async () => {
    const fixture = await render('root-admin', {
      version: '1.0.0',
      node: '22.23.3',
      licence: 'Apache-2.0',
      dataDir: '/data/wecom-live',
      databaseFile: '/data/wecom-live/wecom-live.sqlite',
      logDir: '/data/wecom-live/logs',
      timeZone: 'Asia/Shanghai',
    });
    const page = text(fixture.nativeElement);
    expect(page).toContain('1.0.0');
    expect(page).toContain('Apache-2.0');
    expect(page).toContain('/data/wecom-live/wecom-live.sqlite');
    expect(page).toContain('/data/wecom-live/logs');
    expect(page).toContain('隐私说明');
    // China's zone by its Chinese name, the IANA name beside it for the admin.
    const zone = text(fixture.nativeElement.querySelector('[data-testid=time-zone]'));
    expect(zone.startsWith('北京时间')).toBeTrue();
    expect(zone).toContain('（Asia/Shanghai）');
    expect(page).toContain('检测公网IP');
  });

  it('shows a user no paths', async () => {
    const fixture = await render('user', { version: '1.0.0', node: '22.23.3', licence: 'Apache-2.0' });
    expect(text(fixture.nativeElement)).not.toContain('数据位置');
    expect(text(fixture.nativeElement)).toContain('免责声明');
  });
});
