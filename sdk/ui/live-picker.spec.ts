import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import type { LiveOption } from '../contracts/lives-channels.js';
import { provideAppIcons } from './icons.js';
import { LivePicker } from './live-picker.js';
import { RpcClient } from './rpc-client.js';
import { provideAppState } from './state/app-state.js';
import { FakeTransport } from './testing/fake-transport.js';

const LIVES: LiveOption[] = [
  {
    livingid: 'lv-2',
    theme: '新品答疑',
    start: 1_741_900_000,
    status: 1,
    anchorUserid: 'LiSi',
    anchorName: '李四',
  },
  {
    livingid: 'lv-1',
    theme: '新品发布会',
    start: null,
    status: null,
    anchorUserid: 'WangDeSheng',
    anchorName: null,
  },
];

@Component({
  imports: [LivePicker],
  template: `<wl-live-picker label="直播" [(value)]="value" (picked)="picked.set($event)" />`,
})
class Host {
  readonly value = signal<string | null>(null);
  readonly picked = signal<LiveOption | null>(null);
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}
/** Past the picker's search delay, then settled. */
async function searched(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await settle(fixture);
}
const text = (element: Element | null | undefined): string =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(answer: (fake: FakeTransport) => void, value: string | null = null) {
  TestBed.configureTestingModule({ providers: [provideAppState(), provideAppIcons()] });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  answer(fake);
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.value.set(value);
  await settle(fixture);
  const picker = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness);
  return { fixture, fake, picker, root: fixture.nativeElement as HTMLElement };
}

describe('LivePicker (sdk/ui)', () => {
  it('lists the newest lives on focus with theme, start, status and anchor', async () => {
    const { fixture, fake, picker } = await render((f) => f.answer('lives.pick', LIVES));
    await picker.focus();
    await searched(fixture);
    expect(fake.callsTo('lives.pick')).toEqual([{ limit: 20 }]);
    const options = await picker.getOptions();
    expect(options.length).toBe(2);
    const first = await options[0]?.getText();
    expect(first).toContain('新品答疑');
    expect(first).toContain('直播中');
    expect(first).toContain('李四');
    expect(first).toContain('lv-2');
    const second = await options[1]?.getText();
    expect(second).toContain('开始时间未知');
    expect(second).toContain('状态未知');
    expect(second).toContain('WangDeSheng');
  });

  it('searches on the host and picks with the keyboard: the first match is active, Enter takes it', async () => {
    const { fixture, fake, picker, root } = await render((f) =>
      f.answer('lives.pick', (input: unknown) =>
        LIVES.filter((live) => live.theme.includes((input as { keyword?: string }).keyword ?? '')),
      ),
    );
    await picker.enterText('发布');
    await searched(fixture);
    expect(fake.callsTo('lives.pick').at(-1)).toEqual({ keyword: '发布', limit: 20 });
    const input = root.querySelector('input') as HTMLInputElement;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await settle(fixture);
    expect(fixture.componentInstance.value()).toBe('lv-1');
    expect(fixture.componentInstance.picked()?.theme).toBe('新品发布会');
    expect(input.value).toBe('新品发布会');
    // Typing again clears the choice.
    await picker.enterText('x');
    await settle(fixture);
    expect(fixture.componentInstance.value()).toBeNull();
  });

  it('says when nothing matches, in the panel and the hint', async () => {
    const { fixture, picker, root } = await render((f) => f.answer('lives.pick', []));
    await picker.enterText('没有');
    await searched(fixture);
    const options = await picker.getOptions();
    expect(await options[0]?.isDisabled()).toBeTrue();
    expect(await options[0]?.getText()).toContain('没有主题、直播 ID 或主播含「没有」的直播');
    expect(text(root.querySelector('mat-hint'))).toContain('没有主题、直播 ID 或主播含「没有」的直播');
  });

  it('says an empty store plainly', async () => {
    const { fixture, picker, root } = await render((f) => f.answer('lives.pick', []));
    await picker.focus();
    await searched(fixture);
    expect(text(root.querySelector('mat-hint'))).toContain('本机还没有保存直播');
  });

  it('shows a failed read as an alert with the host’s message', async () => {
    const { fixture, picker, root } = await render((f) =>
      f.fail('lives.pick', { code: 'FORBIDDEN', message: '需要企业微信登录' }),
    );
    await picker.focus();
    await searched(fixture);
    const alert = root.querySelector('[role=alert]');
    expect(text(alert)).toContain('无法读取直播');
    expect(text(alert)).toContain('需要企业微信登录');
  });

  it('shows the theme of a livingid given from outside', async () => {
    const { root } = await render((f) => f.answer('lives.pick', [LIVES[0]]), 'lv-2');
    expect((root.querySelector('input') as HTMLInputElement).value).toBe('新品答疑');
  });
});
