import { APP_START_URL, isAppUrl } from './app-url.js';
import { isTrustedSender } from './sender-policy.js';

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_START_URL)).toBeTrue();
    expect(isAppUrl('app://wecom-live/lives/12?x=1#y')).toBeTrue();
    expect(isAppUrl('app://other/')).toBeFalse();
    expect(isAppUrl('https://wecom-live/')).toBeFalse();
    expect(isAppUrl('file:///C:/app/index.html')).toBeFalse();
    expect(isAppUrl('not a url')).toBeFalse();
    expect(isAppUrl('')).toBeFalse();
    expect(isAppUrl(null)).toBeFalse();
  });
});

describe('isTrustedSender', () => {
  const own = new Set([7]);

  it('trusts the main frame of our own window on app://', () => {
    expect(
      isTrustedSender({ webContentsId: 7, frameUrl: 'app://wecom-live/login', isMainFrame: true }, own),
    ).toBeTrue();
  });

  it('refuses other webContents, iframes, foreign origins and vanished frames', () => {
    const ok = { webContentsId: 7, frameUrl: 'app://wecom-live/', isMainFrame: true };
    expect(isTrustedSender({ ...ok, webContentsId: 8 }, own)).toBeFalse();
    expect(isTrustedSender({ ...ok, isMainFrame: false }, own)).toBeFalse();
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, own)).toBeFalse();
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/x.html' }, own)).toBeFalse();
    expect(isTrustedSender({ ...ok, frameUrl: null }, own)).toBeFalse();
    expect(isTrustedSender(ok, new Set())).toBeFalse();
  });
});
