import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { LivePickerQuery } from '../shared/live-detail-api.js';
import { LivePickerPage } from './live-picker-page.js';

const LIVE = {
  livingid: 'lv-9',
  theme: '新品发布',
  status: 2,
  reserveStart: 1_762_280_000,
  actualStart: null,
  viewerNum: 12,
} as unknown as LiveRecord;

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

async function render(rows: LiveRecord[]) {
  TestBed.configureTestingModule({ providers: [provideAppState(), provideAppIcons(), provideRouter([])] });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  fake.answer('live-detail.lives', (input: unknown) => {
    const keyword = (input as LivePickerQuery).keyword ?? '';
    const found = rows.filter((row) => row.theme.includes(keyword));
    return { rows: found, total: found.length };
  });
  const fixture = TestBed.createComponent(LivePickerPage);
  await settle(fixture);
  return { fixture, fake, root: fixture.nativeElement as HTMLElement };
}

describe('LivePickerPage', () => {
  it('lists local lives as links to their detail page', async () => {
    const { root } = await render([LIVE]);
    const link = root.querySelector<HTMLAnchorElement>('a[href="/live/lv-9"]');
    expect(link?.textContent).toContain('新品发布');
    expect(link?.textContent).toContain('已结束');
    expect(link?.textContent).toContain('12 人观看');
  });

  it('searches on the host and says when nothing matches', async () => {
    const { fixture, fake, root } = await render([LIVE]);
    const input = root.querySelector<HTMLInputElement>('input');
    if (input === null) throw new Error('no search field');
    input.value = '不存在';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(fake.callsTo('live-detail.lives').at(-1)).toEqual(jasmine.objectContaining({ keyword: '不存在' }));
    expect(root.textContent).toContain('没有匹配的直播');
  });

  it('explains an empty store', async () => {
    const { root } = await render([]);
    expect(root.textContent).toContain('本机还没有保存直播');
  });
});
