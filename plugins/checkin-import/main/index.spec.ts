// The checkin-import plugin's main side through the router: a live synced from the WeCom simulator
// into the store, real workbooks uploaded into the file store, preview and import as jobs.
import { join } from 'node:path';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  FIXTURE_FILES,
  VALID_ROUND_STARTS,
  writeCheckinFixtures,
  type FixtureName,
} from '../../../tests/fixtures/checkin/checkin-workbooks.js';
import { storedCheckins, syncLive, uploadFile } from '../../../tests/fixtures/checkin/runtime-helpers.js';
import { corpSessionFor, dataOf, sessionFor, waitFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type {
  CheckinImportResult,
  CheckinLiveOption,
  MemberRow,
  MemberRowsPage,
  MemberRowsQuery,
} from '../shared/checkin-api.js';
import { memberRowsRetention } from './preview-rows.js';

type Runtime = SimWorld['runtime'];

const USER = 'importer-1';

describe('checkin-import plugin (main side, simulator)', () => {
  let world: SimWorld;
  let runtime: Runtime;
  let corpId: string;
  let session: string;
  let fixtures: Record<FixtureName, string>;
  let livingid: string;
  let specials: { anchorInvitedViewer: string; viewerInvitedViewer: string; selfInviteViewer: string };

  beforeAll(async () => {
    // Seed 42: 黍离。, 万强 and 自来水 are unique among the promotion live's viewers; 晴天 is two viewers.
    world = await startSimWorld('checkin-import', { seed: 42, lives: 6, viewers: 60, members: 8 });
    ({ runtime, corpId } = world);
    fixtures = await writeCheckinFixtures(join(world.dataDir, 'fixtures'));
    session = await sessionFor(runtime, 'user', USER, corpId);
    const data = await world.client.data();
    livingid = data.specials.promotionLivingid;
    specials = data.specials;
    // The live as the list or detail page would have synced it: info and every watch-stat page.
    await syncLive(runtime, corpId, livingid);
  });

  afterAll(() => stopSimWorld(world));

  const call = (channel: string, body: unknown, as = session): Promise<RpcResult> =>
    runtime.router.dispatch(`checkin-import.${channel}`, body, as);

  async function upload(name: FixtureName, owner = USER): Promise<string> {
    return uploadFile(runtime, fixtures[name], FIXTURE_FILES[name], { userid: owner, corpId });
  }

  async function finished(result: RpcResult, as = session): Promise<JobSnapshot> {
    const { jobId } = dataOf<{ jobId: string }>(result);
    return waitFor(async () => {
      const job = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, as));
      return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    });
  }

  /** Every member row of a finished job through `checkin-import.rows`, fetched in pages of `pageSize`. */
  async function memberRows(
    jobId: string,
    filters: Omit<MemberRowsQuery, 'jobId' | 'page' | 'pageSize'> = {},
    pageSize = 2,
  ): Promise<MemberRow[]> {
    const rows: MemberRow[] = [];
    for (let page = 1; ; page += 1) {
      const answer = dataOf<MemberRowsPage>(await call('rows', { jobId, ...filters, page, pageSize }));
      rows.push(...answer.rows);
      if (rows.length >= answer.total || answer.rows.length === 0) return rows;
    }
  }

  async function checkinTables(): Promise<unknown[]> {
    return [
      ...((await runtime
        .db('live_checkin_rounds')
        .orderBy('id')
        .select('round_no', 'title', 'started_at')) as unknown[]),
      ...(
        (await runtime.db('live_checkin_records').orderBy('id').select()) as Array<Record<string, unknown>>
      ).map(({ id: _id, round_id: _round, ...rest }) => rest),
    ];
  }

  it('previews the valid workbook: rounds as stated, each member matched, ambiguous or unmatched', async () => {
    const before = await checkinTables();
    const job = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    expect(job.state).toBe('done');
    const result = job.result as CheckinImportResult;
    expect([result.imported, result.matched, result.ambiguous, result.unmatched]).toEqual([false, 7, 1, 1]);
    expect(result.rounds.map((r) => [r.sheet, r.startedText, r.statedCount, r.rowsFound])).toEqual([
      ['第一次签到', '2025-03-13 12:17', 2, 2],
      ['第二次签到', '2025-03-13 12:47', 4, 4],
      ['第三次签到', '2025-03-13 13:05', 3, 3],
    ]);
    expect(result.rounds.map((r) => r.startedAt)).toEqual(VALID_ROUND_STARTS);
    expect(result.rounds.map((r) => [r.matched, r.ambiguous, r.unmatched])).toEqual([
      [2, 0, 0],
      [2, 1, 1],
      [3, 0, 0],
    ]);
    // The result is a summary: the member rows are read page by page.
    expect(JSON.stringify(result)).not.toContain('黍离。@微信');
    const second = await memberRows(job.jobId, { roundNo: 2 });
    expect(second.map((m) => [m.raw, m.name, m.suffix, m.state, m.viewer?.name ?? null])).toEqual([
      ['黍离。@微信', '黍离。', '微信', 'matched', '黍离。'],
      ['晴天@微信', '晴天', '微信', 'ambiguous', null],
      ['老客户A@远方科技', '老客户A', '远方科技', 'matched', '老客户A'],
      ['路人甲@微信', '路人甲', '微信', 'unmatched', null],
    ]);
    expect(second[0]?.viewer?.viewerId).toBe(specials.anchorInvitedViewer);
    expect(second[1]?.candidates.length).toBe(2);
    expect(second[3]?.reason).toBe('这场直播的观众中没有这个名字');
    expect((await memberRows(job.jobId, { roundNo: 3 })).map((m) => m.viewer?.viewerId)).toEqual([
      specials.viewerInvitedViewer,
      specials.anchorInvitedViewer,
      specials.selfInviteViewer,
    ]);
    expect(job.message).toBe('预览完成');
    expect(await checkinTables()).toEqual(before);
  });

  it('reads a workbook the same in the parse worker readied when the page opened', async () => {
    expect((await call('prepare', {})).ok).toBeTrue();
    const job = await finished(await call('import', { livingid, fileId: await upload('valid') }));
    expect(job.state).toBe('done');
    const result = job.result as CheckinImportResult;
    expect([result.imported, result.matched, result.ambiguous, result.unmatched]).toEqual([true, 7, 1, 1]);
    expect(result.rounds.map((r) => [r.sheet, r.rowsFound, r.matched])).toEqual([
      ['第一次签到', 2, 2],
      ['第二次签到', 4, 2],
      ['第三次签到', 3, 3],
    ]);
    // Only a signed-in corp user may ask.
    expect((await call('prepare', {}, 'no-such-session')).ok).toBeFalse();
  });

  it('imports in one go, and importing the same workbook again gives the same data', async () => {
    const job = await finished(await call('import', { livingid, fileId: await upload('valid') }));
    expect(job.state).toBe('done');
    expect((job.result as CheckinImportResult).imported).toBeTrue();
    const checkins = await storedCheckins(runtime, corpId, livingid);
    expect(checkins.rounds.map((r) => [r.roundNo, r.title, r.records, r.matched])).toEqual([
      [1, '第一次签到', 2, 2],
      [2, '第二次签到', 4, 2],
      [3, '第三次签到', 3, 3],
    ]);
    const shuli = checkins.viewers.find((viewer) => viewer.viewerId === specials.anchorInvitedViewer);
    expect(shuli?.count).toBe(3);
    expect(shuli?.rounds.map((round) => round.checkedAt)).toEqual(VALID_ROUND_STARTS);
    expect(checkins.unmatched.map((row) => [row.memberLabel, row.matchState])).toEqual([
      ['晴天@微信', 'ambiguous'],
      ['路人甲@微信', 'unmatched'],
    ]);

    const before = await checkinTables();
    const again = await finished(await call('import', { livingid, fileId: await upload('valid') }));
    expect(again.state).toBe('done');
    expect(await checkinTables()).toEqual(before);
  });

  it('keeps the same name twice in one round: one viewer twice, an ambiguous name twice', async () => {
    const job = await finished(await call('import', { livingid, fileId: await upload('repeated-names') }));
    expect(job.state).toBe('done');
    const result = job.result as CheckinImportResult;
    // Round 1 as above; rounds 2 and 3 as in the valid workbook.
    expect([result.matched, result.ambiguous, result.unmatched]).toEqual([7, 3, 1]);
    expect(result.rounds[0]?.repeatedNames).toBe(4);
    // An import keeps its rows as the live's check-in records, not for `checkin-import.rows`.
    const importRows = await call('rows', { jobId: job.jobId, page: 1, pageSize: 10 });
    expect(importRows.ok ? null : importRows.error.code).toBe('NOT_FOUND');
    const preview = await finished(
      await call('preview', { livingid, fileId: await upload('repeated-names') }),
    );
    const firstRound = await memberRows(preview.jobId, { roundNo: 1 });
    expect(firstRound.map((m) => [m.row, m.state, m.viewer?.viewerId ?? null])).toEqual([
      [7, 'matched', specials.anchorInvitedViewer],
      [8, 'ambiguous', null],
      [9, 'matched', specials.anchorInvitedViewer],
      [10, 'ambiguous', null],
    ]);
    const checkins = await storedCheckins(runtime, corpId, livingid);
    expect(checkins.rounds.map((r) => [r.roundNo, r.records, r.matched, r.reportedCount])).toEqual([
      [1, 4, 2, 4],
      [2, 4, 2, 4],
      [3, 3, 3, 3],
    ]);
    const shuli = checkins.viewers.find((viewer) => viewer.viewerId === specials.anchorInvitedViewer);
    expect(shuli?.rounds.map((round) => round.roundNo)).toEqual([1, 1, 2, 3]);
    expect(
      checkins.unmatched.filter((row) => row.roundNo === 1).map((row) => [row.rowNo, row.matchState]),
    ).toEqual([
      [8, 'ambiguous'],
      [10, 'ambiguous'],
    ]);
  });

  it('previews extra sheets as skipped, rounds in number order, and a count that differs as a warning', async () => {
    const extra = (await finished(await call('preview', { livingid, fileId: await upload('extra-sheets') })))
      .result as CheckinImportResult;
    expect(extra.skippedSheets.map((skipped) => skipped.sheet)).toEqual(['说明', '汇总']);
    expect(extra.rounds.map((round) => [round.roundNo, round.sheet, round.sheetIndex])).toEqual([
      [1, '第一次签到', 3],
      [2, '第二次签到', 4],
      [3, '第三次签到', 2],
    ]);
    expect(extra.notices.length).toBe(1);

    const job = await finished(await call('import', { livingid, fileId: await upload('count-mismatch') }));
    expect(job.state).toBe('done');
    const result = job.result as CheckinImportResult;
    expect(result.rounds[0]?.warnings[0]).toContain('「已签到人数」为 3，明细中有 2 行');
    // The fixture's rounds (March 2025) are far from the simulated live: said next to every round.
    expect(result.rounds[1]?.warnings.length).toBe(1);
    expect(result.rounds[1]?.warnings[0]).toMatch(
      /^签到发起时间 2025-03-13 12:47 不在这场直播的时间（\d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    const stored = await storedCheckins(runtime, corpId, livingid);
    expect(stored.rounds.map((round) => [round.reportedCount, round.records])).toEqual([
      [3, 2],
      [4, 4],
      [3, 3],
    ]);
  });

  it('refuses every broken workbook with the sheet and row, and changes nothing', async () => {
    await finished(await call('import', { livingid, fileId: await upload('valid') }));
    const before = await checkinTables();
    const expected: Array<[FixtureName, string]> = [
      ['missing-details', '工作表「第二次签到」第 7 行：缺少「签到明细」区块'],
      ['bad-time', '工作表「第三次签到」第 3 行：签到发起时间「2025.13.45 25:61」无法识别'],
      ['no-rounds', '工作簿中没有签到轮次：工作表「说明」「Sheet1」都不是'],
      ['not-a-workbook', '不是 Excel 工作簿（.xlsx）'],
    ];
    for (const [name, message] of expected) {
      for (const channel of ['preview', 'import']) {
        const job = await finished(await call(channel, { livingid, fileId: await upload(name) }));
        expect(job.state).withContext(`${channel} ${name}`).toBe('failed');
        expect(job.error?.code).toBe('IMPORT_INVALID');
        expect(job.error?.message).withContext(name).toContain(message);
        expect((job.error?.details?.['issues'] as unknown[]).length).toBeGreaterThan(0);
      }
    }
    expect(await checkinTables()).toEqual(before);
  });

  it('needs the live in the store, the caller’s own upload and a corp session', async () => {
    const missing = await call('import', { livingid: 'not-synced-live', fileId: await upload('valid') });
    expect(missing.ok ? null : [missing.error.code, missing.error.message]).toEqual([
      'NOT_FOUND',
      '本地没有这场直播（not-synced-live）：请先同步或打开该直播',
    ]);
    const othersFile = await call('preview', { livingid, fileId: await upload('valid', 'someone-else') });
    expect(othersFile.ok ? null : othersFile.error.code).toBe('NOT_FOUND');
    const noCorp = await call(
      'preview',
      { livingid, fileId: await upload('valid') },
      await sessionFor(runtime, 'user'),
    );
    expect(noCorp.ok ? null : noCorp.error.code).toBe('FORBIDDEN');
  });

  it('pages a preview’s member rows by state and round, in round and row order', async () => {
    const job = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    const all = await memberRows(job.jobId, {}, 4);
    expect(all.map((m) => [m.roundNo, m.sheet, m.row])).toEqual([
      [1, '第一次签到', 7],
      [1, '第一次签到', 8],
      [2, '第二次签到', 9],
      [2, '第二次签到', 10],
      [2, '第二次签到', 11],
      [2, '第二次签到', 12],
      [3, '第三次签到', 7],
      [3, '第三次签到', 8],
      [3, '第三次签到', 9],
    ]);
    const ambiguous = await memberRows(job.jobId, { state: 'ambiguous' });
    expect(ambiguous.map((m) => [m.raw, m.reason])).toEqual([
      ['晴天@微信', '有 2 位观众同名「晴天」，无法确定是哪一位'],
    ]);
    const matchedInSecond = dataOf<MemberRowsPage>(
      await call('rows', { jobId: job.jobId, state: 'matched', roundNo: 2, page: 2, pageSize: 1 }),
    );
    expect([matchedInSecond.total, matchedInSecond.rows.map((m) => m.raw)]).toEqual([
      2,
      ['老客户A@远方科技'],
    ]);
    const beyond = dataOf<MemberRowsPage>(await call('rows', { jobId: job.jobId, page: 9, pageSize: 100 }));
    expect([beyond.total, beyond.rows.length]).toEqual([9, 0]);
  });

  it('shows member rows only to whom the job belongs, and only of this plugin’s finished jobs', async () => {
    const job = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    const rows = { jobId: job.jobId, page: 1, pageSize: 10 };
    const codeOf = (answer: RpcResult): string | null => (answer.ok ? null : answer.error.code);
    // Another account of the same corp, and the same userid in a corp of its own: neither sees them.
    expect(codeOf(await call('rows', rows, await sessionFor(runtime, 'user', 'importer-2', corpId)))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await call('rows', rows, await corpSessionFor(runtime, 'user', USER)))).toBe('NOT_FOUND');
    // The corp's WeCom admin sees the corp's jobs, as `jobs.get` shows them.
    const admin = await sessionFor(runtime, 'wecom-admin', 'admin-1', corpId);
    expect(dataOf<MemberRowsPage>(await call('rows', rows, admin)).total).toBe(9);
    // A refused workbook's job has no rows to read.
    const refused = await finished(await call('preview', { livingid, fileId: await upload('bad-time') }));
    expect(codeOf(await call('rows', { ...rows, jobId: refused.jobId }))).toBe('CONFLICT');
    expect(codeOf(await call('rows', { ...rows, jobId: 'no-such-job' }))).toBe('NOT_FOUND');
  });

  it('sweeps rows older than a day with the next job, and offers old rows to the clean-up of old data', async () => {
    const old = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    const rowsOf = async (jobId: string): Promise<number> => {
      const found = (await runtime
        .db('checkin_import_preview_rows')
        .where('job_id', jobId)
        .count({ n: '*' })
        .first()) as { n: number | string };
      return Number(found.n);
    };
    expect(await rowsOf(old.jobId)).toBe(9);
    // Forty days old: the clean-up (root-admin, a date two days back) counts them.
    const fortyDaysAgo = Date.now() - 40 * 24 * 60 * 60 * 1000;
    await runtime
      .db('checkin_import_preview_rows')
      .where('job_id', old.jobId)
      .update({ created_at: fortyDaysAgo });
    const twoDaysBack = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    );
    const root = await sessionFor(runtime, 'root-admin');
    const cleanup = dataOf<{ items: Array<{ id: string; count: number }> }>(
      await runtime.router.dispatch('config.cleanupPreview', { before: twoDaysBack }, root),
    );
    expect(cleanup.items.find((item) => item.id === 'checkin-import.preview-rows')?.count).toBe(9);
    // The contributor deletes exactly those, and nothing of today.
    const fresh = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    await runtime
      .db('checkin_import_preview_rows')
      .where('job_id', fresh.jobId)
      .update({ created_at: fortyDaysAgo });
    const contributor = memberRowsRetention();
    const cutoff = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    expect(await runtime.db.transaction((trx) => contributor.purge(cutoff, trx))).toBe(9);
    expect(await rowsOf(fresh.jobId)).toBe(0);

    // A day and more old: the next job removes them.
    const stale = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    await runtime
      .db('checkin_import_preview_rows')
      .where('job_id', stale.jobId)
      .update({ created_at: Date.now() - 25 * 60 * 60 * 1000 });
    const next = await finished(await call('preview', { livingid, fileId: await upload('valid') }));
    expect([await rowsOf(stale.jobId), await rowsOf(next.jobId)]).toEqual([0, 9]);
  });

  it('offers the corp’s stored live to the shared picker (lives.pick) and answers it by livingid', async () => {
    const pick = (input: unknown): Promise<RpcResult> =>
      runtime.router.dispatch('lives.pick', input, session);
    const lives = dataOf<LiveOption[]>(await pick({}));
    expect(lives.map((live) => live.livingid)).toEqual([livingid]);
    const theme = lives[0]?.theme ?? '';
    expect(dataOf<LiveOption[]>(await pick({ keyword: theme.slice(0, 2) })).length).toBe(1);
    expect(dataOf<LiveOption[]>(await pick({ keyword: '没有这样的直播' }))).toEqual([]);
    expect(dataOf<CheckinLiveOption>(await call('live', { livingid })).theme).toBe(theme);
  });
});
