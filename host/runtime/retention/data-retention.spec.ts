// config.cleanupPreview / config.cleanup against a real runtime and SQLite file: host rows and files and a
// plugin's contributor, with nothing from the date on touched, all or nothing.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CleanupPreview } from '../../../sdk/contracts/config.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import { cleanupCutoff, startOfDayIn } from './cleanup-date.js';
import { DataRetention } from './data-retention.js';
import type { HostRuntime } from '../core/host-runtime.js';

// 2025-06-15 12:00 in Shanghai; the clean-up date 2025-06-01 cuts at 2025-06-01 00:00 there.
const NOW = Date.UTC(2025, 5, 15, 4, 0, 0);
const CUTOFF = Date.UTC(2025, 4, 31, 16, 0, 0);
const DAY = 24 * 60 * 60_000;

function countsOf(answer: CleanupPreview): Record<string, number> {
  return Object.fromEntries(answer.items.map((item) => [item.id, item.count]));
}

describe('clean-up of old data', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let root: string;
  let oldExport: string;
  let newUpload: string;
  let now = NOW;

  const call = (channel: string, input: unknown, session: string | null = root): Promise<RpcResult> =>
    runtime.router.dispatch(channel, input, session);

  beforeEach(async () => {
    now = NOW;
    dataDir = tempDataDir('cleanup');
    runtime = await startRuntime(dataDir, {}, { now: () => now });
    root = await sessionFor(runtime, 'root-admin');
    const db = runtime.db;
    // Audit rows just before, at and after the cut-off (the one at the cut-off is not older).
    await db('audit_log').insert(
      [CUTOFF - 1, CUTOFF - 30 * DAY, CUTOFF, CUTOFF + 1].map((at) => ({ at, action: 'test.old', ok: true })),
    );
    const job = (id: string, state: string, updatedAt: number) => ({
      id,
      kind: 'notes.count',
      state,
      input: '{}',
      run_at: updatedAt,
      created_at: updatedAt,
      updated_at: updatedAt,
    });
    await db('jobs').insert([
      job('j-done-old', 'done', CUTOFF - DAY),
      job('j-failed-old', 'failed', CUTOFF - DAY),
      job('j-cancelled-old', 'cancelled', CUTOFF - DAY),
      job('j-queued-old', 'queued', CUTOFF - DAY), // still to run: kept whatever its age
      job('j-done-new', 'done', CUTOFF + DAY),
    ]);
    const [userId] = (await db('users').insert({
      userid: 'old-user',
      tier: 'user',
      created_at: 0,
    })) as number[];
    await db('sessions').insert([
      { id: 's-old', token_hash: 'a'.repeat(64), user_id: userId, created_at: 0, last_seen_at: CUTOFF - DAY },
      { id: 's-new', token_hash: 'b'.repeat(64), user_id: userId, created_at: 0, last_seen_at: NOW - 60_000 },
    ]);
    // Files: an old export (in its own folder) and a recent upload.
    const exported = await runtime.files.createExport('旧报表.xlsx', 'old-user', null);
    writeFileSync(exported.path, 'xlsx');
    await db('files')
      .where({ id: exported.fileId })
      .update({ created_at: CUTOFF - DAY });
    oldExport = exported.path;
    const upload = runtime.files.reserveUpload();
    writeFileSync(upload.path, 'csv');
    await runtime.files.completeUpload(upload.fileId, '新名单.csv', {
      sessionId: null,
      user: { userid: 'old-user', username: '', tier: 'user' },
      corp: null,
    });
    newUpload = upload.path;
    // The archive fixture plugin's rows.
    for (const createdAt of [CUTOFF - 2 * DAY, CUTOFF - 1, CUTOFF + DAY]) {
      dataOf(await call('archive.add', { text: 'entry', createdAt }));
    }
    // Lives of a corp: ended before the cut-off (with a viewer and a check-in round), ended after it,
    // still on although reserved long ago, and one never pulled, recorded before the cut-off.
    await db('corps').insert({
      corp_id: 'corp-1',
      corpname: '模拟企业',
      corpid: 'wwcorp',
      agentid: 1000002,
      secret_cipher: 'x',
      created_at: NOW,
      updated_at: NOW,
    });
    const s = (ms: number) => Math.floor(ms / 1000);
    const live = (livingid: string, fields: Record<string, unknown>) => ({
      corp_id: 'corp-1',
      livingid,
      created_at: CUTOFF - 10 * DAY,
      updated_at: CUTOFF - 10 * DAY,
      ...fields,
    });
    await db('lives').insert([
      live('ended-old', {
        status: 2,
        reserve_start: s(CUTOFF - 3 * DAY),
        reserve_duration: 3600,
        actual_start: s(CUTOFF - 2 * DAY),
        actual_duration: 3600,
      }),
      live('ended-new', {
        status: 2,
        reserve_start: s(CUTOFF - DAY),
        reserve_duration: 3600,
        actual_start: s(CUTOFF - 600_000),
        actual_duration: 3600,
      }),
      live('still-on', { status: 1, reserve_start: s(CUTOFF - 3 * DAY), reserve_duration: 3600 }),
      live('never-pulled', { status: null }),
    ]);
    const [oldLive] = (await db('lives').where({ livingid: 'ended-old' }).pluck('id')) as number[];
    await db('live_viewers').insert({
      live_id: oldLive,
      viewer_kind: 'internal',
      viewer_id: 'zhangsan',
      first_seen_at: CUTOFF - 2 * DAY,
      last_synced_at: CUTOFF - 2 * DAY,
    });
    await db('live_checkin_rounds').insert({ live_id: oldLive, round_no: 1, imported_at: CUTOFF - DAY });
  });

  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  const EXPECTED = {
    'host.audit': 2,
    'host.jobs': 3,
    'host.sessions': 1,
    'host.files': 1,
    'archive.entries': 2,
    'host.lives': 2,
  };

  it('previews per contributor, then deletes exactly what was older, files after the commit', async () => {
    const preview = dataOf<CleanupPreview>(await call('config.cleanupPreview', { before: '2025-06-01' }));
    expect(preview.cutoff).toBe(CUTOFF);
    expect(preview.timeZone).toBe('Asia/Shanghai');
    expect(countsOf(preview)).toEqual(EXPECTED);
    expect(preview.total).toBe(11);
    expect(preview.items.find((item) => item.id === 'archive.entries')?.label).toBe('测试归档条目');
    // A preview deletes nothing.
    expect(Number(((await runtime.db('audit_log').count({ n: '*' }).first()) as { n: number }).n)).toBe(4);

    const result = dataOf<CleanupPreview>(await call('config.cleanup', { before: '2025-06-01' }));
    expect(countsOf(result)).toEqual(EXPECTED);
    const db = runtime.db;
    // The old lives went with their viewers and check-ins; the newer one and the one still on stayed.
    expect(((await db('lives').pluck('livingid')) as string[]).sort()).toEqual(['ended-new', 'still-on']);
    expect(await db('live_viewers').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(await db('live_checkin_rounds').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(((await db('audit_log').where({ action: 'test.old' }).pluck('at')) as number[]).sort()).toEqual([
      CUTOFF,
      CUTOFF + 1,
    ]);
    expect(((await db('jobs').pluck('id')) as string[]).sort()).toEqual(['j-done-new', 'j-queued-old']);
    expect(await db('sessions').where({ id: 's-old' }).first()).toBeUndefined();
    expect(await db('sessions').where({ id: 's-new' }).first()).toBeDefined();
    expect(existsSync(oldExport)).toBeFalse();
    expect(existsSync(dirname(oldExport))).toBeFalse();
    expect(existsSync(newUpload)).toBeTrue();
    expect(existsSync(join(dataDir, 'exports'))).toBeTrue();
    expect(dataOf<{ count: number }>(await call('archive.count', {})).count).toBe(1);
    // root-admin's own session is recent and stays.
    expect((await call('config.get', {})).ok).toBeTrue();

    const audit = (await db('audit_log').where({ action: 'config.cleanup' }).first()) as {
      ok: number;
      target: string;
      detail: string;
    };
    expect(audit.ok).toBe(1);
    expect(audit.target).toBe('2025-06-01');
    expect(JSON.parse(audit.detail)).toEqual({ cutoff: CUTOFF, deleted: EXPECTED });

    // Nothing left that old: a second run finds nothing.
    const again = dataOf<CleanupPreview>(await call('config.cleanupPreview', { before: '2025-06-01' }));
    expect(again.total).toBe(0);
  });

  it('rolls everything back when one contributor fails', async () => {
    dataOf(await call('archive.failPurge', { fail: true }));
    const result = await call('config.cleanup', { before: '2025-06-01' });
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toContain('测试归档条目');
      expect(result.error.message).toContain('没有删除任何数据');
    }
    const preview = dataOf<CleanupPreview>(await call('config.cleanupPreview', { before: '2025-06-01' }));
    expect(countsOf(preview)).toEqual(EXPECTED);
    expect(existsSync(oldExport)).toBeTrue();
    const audit = (await runtime.db('audit_log').where({ action: 'config.cleanup' }).first()) as {
      ok: number;
    };
    expect(audit.ok).toBe(0);
  });

  it('gives the freed space back to the disk after a clean-up', async () => {
    const db = runtime.db;
    const padding = 'x'.repeat(2000);
    for (let i = 0; i < 10; i += 1) {
      await db('audit_log').insert(
        Array.from({ length: 50 }, () => ({
          at: CUTOFF - DAY,
          action: 'test.bulk',
          ok: true,
          target: padding,
        })),
      );
    }
    const pages = async (): Promise<number> =>
      Number(((await db.raw('PRAGMA page_count')) as Array<{ page_count: number }>)[0]?.page_count);
    const before = await pages();
    dataOf(await call('config.cleanup', { before: '2025-06-01' }));
    const freelist = (await db.raw('PRAGMA freelist_count')) as Array<{ freelist_count: number }>;
    expect(freelist[0]?.freelist_count).toBe(0);
    expect(await pages()).toBeLessThan(before);
  });

  it("drops a plugin's contributor when the plugin is disabled", async () => {
    expect(runtime.container.resolve(DataRetention).ids()).toContain('archive.entries');
    dataOf(await call('plugins.setEnabled', { id: 'archive', enabled: false }));
    const preview = dataOf<CleanupPreview>(await call('config.cleanupPreview', { before: '2025-06-01' }));
    expect(preview.items.map((item) => item.id)).toEqual([
      'host.audit',
      'host.jobs',
      'host.sessions',
      'host.files',
      'host.lives',
    ]);
  });

  it('refuses dates in the future, within the last day, or not dates at all', async () => {
    const refused = async (before: string) => {
      const result = await call('config.cleanupPreview', { before });
      if (result.ok) throw new Error(`expected ${before} to be refused`);
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.details?.['field']).toBe('before');
      return result.error.message;
    };
    expect(await refused('2025-07-01')).toContain('在将来');
    expect(await refused('2025-06-15')).toContain('请选择 2025-06-14 或更早的日期');
    expect(await refused('2025-02-30')).toContain('日期无效');
    expect(await refused('15/06/2025')).toContain('年-月-日');
    expect((await call('config.cleanupPreview', { before: '2025-06-14' })).ok).toBeTrue();
  });
});

describe('clean-up date', () => {
  it('cuts at 00:00 of the day in the given zone', () => {
    expect(startOfDayIn('2025-06-01', 'Asia/Shanghai')).toBe(CUTOFF);
    expect(startOfDayIn('2025-06-01', 'UTC')).toBe(Date.UTC(2025, 5, 1));
    // Across a DST change: 2025-03-30 00:00 in Paris is still winter time (UTC+1).
    expect(startOfDayIn('2025-03-30', 'Europe/Paris')).toBe(Date.UTC(2025, 2, 29, 23, 0, 0));
    expect(startOfDayIn('2025-13-01', 'UTC')).toBeNull();
    expect(cleanupCutoff('2025-06-14', 'Asia/Shanghai', NOW)).toBe(CUTOFF + 13 * DAY);
  });
});
