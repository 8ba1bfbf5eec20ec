import { RpcError } from './rpc-client.js';
import { failureText, PageLoad } from './page-load.js';

describe('PageLoad', () => {
  it('is loading until the first read ends, then shows the data without an error', async () => {
    const page = new PageLoad('无法读取列表。');
    expect(page.loading()).toBeTrue();
    let rows: string[] = [];
    await page.run(async () => {
      rows = ['a'];
    });
    expect(rows).toEqual(['a']);
    expect(page.loading()).toBeFalse();
    expect(page.error()).toBeNull();
  });

  it("keeps the host's message of a failed read, else the fallback, and clears it on the next read", async () => {
    const page = new PageLoad('无法读取列表。');
    await page.run(() => Promise.reject(new RpcError({ code: 'FORBIDDEN', message: '没有权限查看。' })));
    expect(page.error()).toBe('没有权限查看。');
    await page.run(() => Promise.reject(new Error('socket closed')));
    expect(page.error()).toBe('无法读取列表。');
    await page.run(() => Promise.resolve());
    expect(page.error()).toBeNull();
  });

  it('shows no loading state for a quiet refresh', async () => {
    const page = new PageLoad('x');
    await page.run(() => Promise.resolve());
    const seen: boolean[] = [];
    await page.run(async () => {
      seen.push(page.loading());
    }, true);
    expect(seen).toEqual([false]);
    expect(failureText(null)).toBe('操作失败，请稍后重试。');
  });
});
