import { decideNavigation } from './navigation-policy.js';
import { isPermissionAllowed } from './permission-policy.js';

describe('decideNavigation', () => {
  it('allows the app itself', () => {
    expect(decideNavigation('app://wecom-live/settings/corps')).toEqual({ allow: true });
  });

  it('blocks web pages but hands them to the system browser', () => {
    expect(decideNavigation('https://work.weixin.qq.com/wework_admin/frame#apps')).toEqual({
      allow: false,
      external: 'https://work.weixin.qq.com/wework_admin/frame#apps',
    });
    expect(decideNavigation('http://example.com/doc')).toEqual({
      allow: false,
      external: 'http://example.com/doc',
    });
  });

  it('blocks every other scheme, credentials in URLs and garbage without opening anything', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'app://elsewhere/',
      'ms-settings:',
      'https://user:pass@example.com/',
      'not a url',
    ]) {
      expect(decideNavigation(url)).withContext(url).toEqual({ allow: false, external: null });
    }
  });
});

describe('isPermissionAllowed', () => {
  it('grants only clipboard writes, only to the app origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://wecom-live')).toBeTrue();
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://wecom-live/settings')).toBeTrue();
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBeFalse();
    expect(isPermissionAllowed('clipboard-read', 'app://wecom-live')).toBeFalse();
    expect(isPermissionAllowed('media', 'app://wecom-live')).toBeFalse();
    expect(isPermissionAllowed('notifications', 'app://wecom-live')).toBeFalse();
    expect(isPermissionAllowed('geolocation', undefined)).toBeFalse();
  });
});
