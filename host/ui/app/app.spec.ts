import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { serverTokenMissing } from '../../../sdk/ui/server-token.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import { App } from './app.js';

const TOKEN_KEY = 'wecom-live.serverToken';

describe('App without its server token', () => {
  beforeEach(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    TestBed.configureTestingModule({ providers: [provideAppState(), provideAppIcons(), provideRouter([])] });
    TestBed.inject(RpcClient).use(new FakeTransport());
  });

  afterEach(() => sessionStorage.removeItem(TOKEN_KEY));

  it('says how to open the page instead of showing a form that cannot work', async () => {
    expect(serverTokenMissing()).toBeTrue();
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const notice = page.querySelector('[data-testid=token-missing]');
    expect(notice?.textContent).toContain('缺少访问凭证');
    expect(notice?.textContent).toContain('#token=');
    expect(page.querySelector('router-outlet')).toBeNull();
    expect(page.querySelector('input')).toBeNull();
  });

  it('opens the pages when the tab holds the token (browser mode) or runs in Electron', async () => {
    sessionStorage.setItem(TOKEN_KEY, 'abc');
    expect(serverTokenMissing()).toBeFalse();
    sessionStorage.removeItem(TOKEN_KEY);
    expect(serverTokenMissing({ wecomLive: {}, sessionStorage } as unknown as Window)).toBeFalse();
    sessionStorage.setItem(TOKEN_KEY, 'abc');
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid=token-missing]')).toBeNull();
    expect(page.querySelector('router-outlet')).not.toBeNull();
  });
});
