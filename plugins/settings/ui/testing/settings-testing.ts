// Spec helpers for the settings pages: the SDK's fake transport at the RPC boundary and a signed-in session.
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import type { SessionCorp } from '../../../../sdk/contracts/host-status.js';
import type { AccountTier } from '../../../../sdk/contracts/tiers.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { provideChineseDates } from '../../../../sdk/ui/chinese-dates.js';
import { provideAppIcons } from '../../../../sdk/ui/icons.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';

export { FakeTransport };

export const TEST_CORP: SessionCorp = {
  corpId: 'corp-1',
  corpname: '模拟企业',
  agentid: 1000002,
  appName: '直播助手',
};

export interface SignedInAs {
  tier: AccountTier;
  userid?: string;
  username?: string;
  corp?: SessionCorp;
}

/** Configures the TestBed (store, icons, router, the app-wide Chinese dates) with a fake transport, signed in as `who`. */
export function setUpSettings(who: SignedInAs | null, routes: Routes = []): FakeTransport {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [provideAppState(), provideAppIcons(), provideChineseDates(), provideRouter(routes)],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  if (who !== null) {
    const userid = who.userid ?? (who.tier === 'root-admin' ? 'root-admin' : 'zhangsan');
    TestBed.inject(AppSession).signedIn({
      session: 'test-session',
      user: {
        userid,
        username: who.username ?? (who.tier === 'root-admin' ? '超级管理员' : '张三'),
        tier: who.tier,
      },
      ...(who.tier === 'root-admin' ? {} : { corp: who.corp ?? TEST_CORP }),
    });
  }
  return fake;
}

/** Lets pending fake answers resolve and the view catch up. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits (up to 2 s) for something that follows an animation, like a dialog closing. */
export async function until(fixture: ComponentFixture<unknown>, condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 2000) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fixture.whenStable();
  }
}
