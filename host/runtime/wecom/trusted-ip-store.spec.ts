import { removeDir, startRuntime, tempDataDir } from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { TRUSTED_IP_LIMIT, TrustedIpStore } from './trusted-ip-store.js';

describe('TrustedIpStore', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let store: TrustedIpStore;
  let now = 1_700_000_000_000;

  beforeAll(async () => {
    dataDir = tempDataDir('ips');
    runtime = await startRuntime(dataDir, {}, { now: () => now });
    store = runtime.container.resolve(TrustedIpStore);
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  beforeEach(async () => {
    await store.replace([]);
  });

  it('adds incrementally, de-duplicates, normalises IPv6 and copies as a ; list', async () => {
    now += 1;
    expect((await store.record('139.215.46.96', 'wecom-60020')).added).toBeTrue();
    now += 1;
    expect((await store.record(' 139.215.46.96 ', 'detected')).added).toBeFalse();
    now += 1;
    await store.record('[2408:8000:ABCD::1]', 'wecom-60020');
    expect(await store.copyText()).toBe('139.215.46.96;2408:8000:abcd::1');
  });

  it('refuses what is not an IP, naming the field', async () => {
    await expectAsync(store.record('999.1.1.1', 'manual')).toBeRejectedWith(
      jasmine.objectContaining({ code: 'INVALID_INPUT', details: { field: 'ip' } }),
    );
  });

  it(`keeps at most ${TRUSTED_IP_LIMIT}, dropping the least recently seen with a notice`, async () => {
    for (let i = 1; i <= TRUSTED_IP_LIMIT; i += 1) {
      now += 1;
      await store.record(`10.0.${Math.floor(i / 250)}.${i % 250}`, 'manual');
    }
    now += 1;
    await store.record('10.0.0.1', 'detected'); // seen again: no longer the oldest
    now += 1;
    const result = await store.record('192.0.2.7', 'wecom-60020');
    expect(result.dropped).toEqual(['10.0.0.2']);
    expect(result.ips.length).toBe(TRUSTED_IP_LIMIT);
    expect(result.ips).toContain('10.0.0.1');
    expect(result.ips).toContain('192.0.2.7');
  });
});
