import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { WeComPagingError } from './errors.js';
import { paginate } from './paging.js';

interface Page {
  items: number[];
  next: string | null;
}

function pager(pages: Record<string, Page>, maxPages = 100) {
  const requested: string[] = [];
  const stream = paginate<Page>({
    api: 'test/list',
    firstKey: '0',
    maxPages,
    fetchPage: (key) => {
      requested.push(key);
      const page = pages[key];
      return page ? Promise.resolve(page) : Promise.reject(new Error(`no page ${key}`));
    },
    nextKey: (page) => page.next,
  });
  return { stream, requested };
}

describe('paginate', () => {
  it('follows cursors to the end', async () => {
    const { stream, requested } = pager({
      '0': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3], next: null },
    });
    const pages = await lastValueFrom(stream.pipe(toArray()));
    expect(pages.flatMap((p) => p.items)).toEqual([1, 2, 3]);
    expect(requested).toEqual(['0', 'a', 'b']);
  });

  it('fails with a typed error on a repeated cursor', async () => {
    const { stream } = pager({ '0': { items: [1], next: 'a' }, a: { items: [2], next: '0' } });
    const error = await lastValueFrom(stream).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WeComPagingError);
    expect((error as WeComPagingError).problem).toBe('repeated-key');
  });

  it('fails with a typed error beyond the page bound', async () => {
    const pages: Record<string, Page> = {};
    for (let i = 0; i < 10; i += 1) pages[i === 0 ? '0' : `k${i}`] = { items: [i], next: `k${i + 1}` };
    const { stream } = pager(pages, 5);
    await expectAsync(lastValueFrom(stream)).toBeRejectedWith(jasmine.any(WeComPagingError));
  });

  it('stops fetching when the subscriber has enough', async () => {
    const { stream, requested } = pager({
      '0': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3], next: null },
    });
    await firstValueFrom(stream.pipe(take(1)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requested).toEqual(['0']);
  });
});
