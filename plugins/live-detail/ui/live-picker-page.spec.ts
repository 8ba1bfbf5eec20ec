import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { provideRouter, Router } from '@angular/router';
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import { LivePickerPage } from './live-picker-page.js';

const LIVE: LiveOption = {
  livingid: 'lv-9',
  theme: '新品发布',
  start: 1_762_280_000,
  status: 2,
  anchorUserid: 'WangDeSheng',
  anchorName: '王德胜',
};

@Component({ template: '' })
class DetailStub {}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

describe('LivePickerPage', () => {
  it('opens the detail page of the live picked in the shared picker', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        provideRouter([{ path: 'live/:livingid', component: DetailStub }]),
      ],
    });
    const fake = new FakeTransport();
    TestBed.inject(RpcClient).use(fake);
    fake.answer('lives.pick', [LIVE]);
    const fixture = TestBed.createComponent(LivePickerPage);
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toContain('直播详情');
    const picker = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness);
    await picker.enterText('新品');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    await picker.selectOption({ text: /新品发布/ });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/live/lv-9');
  });
});
