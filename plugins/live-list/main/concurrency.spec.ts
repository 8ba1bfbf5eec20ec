// The sync's batching writer: every item gets its own result, in the order handed in, batches never
// overlap, a failed batch fails only its own items, and the writer goes on with the next batch.
import { BatchingWriter, SerialWriter } from './concurrency.js';

describe('BatchingWriter', () => {
  function recording(fail?: (items: number[]) => boolean) {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const write = async (items: number[]): Promise<string[]> => {
      running += 1;
      overlapped ||= running > 1;
      batches.push(items);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (fail?.(items)) throw new Error(`batch ${items.join(',')} failed`);
      return items.map((item) => `stored ${item}`);
    };
    return { batches, write, overlapped: () => overlapped };
  }

  it('writes what is queued together and answers each item with its own result', async () => {
    const record = recording();
    // A budget far above the weights: everything queued while the first batch runs goes in the next.
    const writer = new BatchingWriter(new SerialWriter(), record.write, 1_000_000, 1);
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => writer.add(item, 10)));
    expect(results).toEqual(['stored 1', 'stored 2', 'stored 3', 'stored 4', 'stored 5']);
    expect(record.batches.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(record.batches.length).toBeLessThan(5);
    expect(record.overlapped()).toBeFalse();
  });

  it('takes one item at a time when each weighs more than the budget', async () => {
    const record = recording();
    const writer = new BatchingWriter(new SerialWriter(), record.write, 1, 1);
    await Promise.all([1, 2, 3].map((item) => writer.add(item, 1_000)));
    expect(record.batches).toEqual([[1], [2], [3]]);
  });

  it('fails only the items of a failed batch and goes on with the next', async () => {
    const record = recording((items) => items.includes(2));
    const writer = new BatchingWriter(new SerialWriter(), record.write, 1, 1);
    const settled = await Promise.allSettled([1, 2, 3].map((item) => writer.add(item, 1_000)));
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('batch 2 failed'));
  });

  it('shares the serial writer: other writes never run inside a batch', async () => {
    const serial = new SerialWriter();
    const order: string[] = [];
    const writer = new BatchingWriter(
      serial,
      async (items: number[]) => {
        order.push(`batch ${items.join(',')} start`);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`batch ${items.join(',')} end`);
        return items;
      },
      1,
      1,
    );
    const batch = writer.add(1, 1_000);
    const other = serial.run(async () => {
      order.push('other');
    });
    await Promise.all([batch, other]);
    expect(order).toEqual(['batch 1 start', 'batch 1 end', 'other']);
  });
});
