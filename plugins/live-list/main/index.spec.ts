// The live-list plugin's main side through the router, against the WeCom simulator over HTTP and a real
// SQLite file; the export is opened again with exceljs.
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { SimClient, type DataSummary } from '../../../tests/wecom-sim/spec-client.js';
import { startSimulator, type RunningSimulator } from '../../../tests/wecom-sim/server.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
  loginSimCorp,
} from '../../../tests/support/runtime-harness.js';
import type { JobStarted, LiveExportResult, LiveListPage, LiveSyncResult } from '../shared/live-list-api.js';
import {
  exceljsPictures,
  openpyxlPictures,
  pngSize,
  zipPictures,
} from '../../../tests/support/xlsx-images.js';
import { EXPORT_COLUMNS } from './export-columns.js';

type Runtime = Awaited<ReturnType<typeof startRuntime>>;

const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHANGHAI_OFFSET_S = 8 * 3600;

describe('live-list plugin (main side, simulator)', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;
  let dataDir: string;
  let runtime: Runtime;
  let corpId: string;
  let admin: string;
  let member: string;
  let anchor: string;
  let firstSync: { snapshot: JobSnapshot; progress: JobSnapshot[] };

  const call = (channel: string, body: unknown, as = admin): Promise<RpcResult> =>
    runtime.router.dispatch(`live-list.${channel}`, body, as);

  async function finished(jobId: string, as = admin): Promise<JobSnapshot> {
    return waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, as));
      return ['done', 'failed', 'cancelled'].includes(snapshot.state) ? snapshot : undefined;
    }, 60_000);
  }

  async function sync(userid: string): Promise<{ snapshot: JobSnapshot; progress: JobSnapshot[] }> {
    const progress: JobSnapshot[] = [];
    const { jobId } = dataOf<JobStarted>(await call('sync', { userid }));
    const subscription = runtime.events.all().subscribe((event) => {
      const payload = event.payload as JobSnapshot;
      if (event.type === 'job.progress' && payload.jobId === jobId) progress.push(payload);
    });
    const snapshot = await finished(jobId);
    subscription.unsubscribe();
    return { snapshot, progress };
  }

  async function storedLives(): Promise<Array<Record<string, unknown>>> {
    return (await runtime
      .db('lives')
      .where({ corp_id: corpId })
      .orderBy('livingid')
      .select(
        'livingid',
        'theme',
        'status',
        'anchor_userid',
        'reserve_start',
        'actual_start',
        'viewer_num',
      )) as Array<Record<string, unknown>>;
  }

  async function storedViewers(): Promise<Array<Record<string, unknown>>> {
    return (await runtime
      .db('live_viewers as v')
      .join('lives as l', 'l.id', 'v.live_id')
      .where('l.corp_id', corpId)
      .orderBy(['l.livingid', 'v.viewer_kind', 'v.viewer_id'])
      .select(
        'l.livingid',
        'v.viewer_kind',
        'v.viewer_id',
        'v.name',
        'v.watch_time',
        'v.inviter_name',
      )) as Array<Record<string, unknown>>;
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 11, lives: 24, viewers: 260, members: 10 });
    client = new SimClient(sim);
    // A frozen clock: no live moves on between two syncs.
    await client.admin('POST', 'clock', { frozen: true });
    data = await client.data();
    anchor = data.specials.mainAnchorUserid;
    dataDir = tempDataDir('live-list');
    runtime = await startRuntime(dataDir, { pluginDirs: [BUILT_PLUGINS], wecomBaseUrl: sim.url });
    corpId = await loginSimCorp(runtime, sim);
    admin = await sessionFor(runtime, 'wecom-admin', 'boss', corpId);
    member = await sessionFor(runtime, 'user', 'member-1', corpId);
    firstSync = await sync(anchor);
    await sync(data.lives.find((live) => live.anchor_userid !== anchor)?.anchor_userid ?? anchor);
  }, 120_000);

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
    await sim.close();
  });

  beforeEach(async () => {
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'config', { latencyMs: 0 });
  });

  it('stores every live and every viewer of the member, as the simulator has them', async () => {
    const { snapshot, progress } = firstSync;
    expect(snapshot.state).toBe('done');
    // Read now: another spec may have cancelled the reserved live since.
    const theirs = (await client.data()).lives.filter((live) => live.anchor_userid === anchor);
    expect(theirs.length).toBe(data.specials.mainAnchorLiveCount);
    const result = snapshot.result as LiveSyncResult;
    expect(result.lives).toBe(theirs.length);
    expect(result.failed).toEqual([]);
    const stored = (await storedLives()).filter((live) => live['anchor_userid'] === anchor);
    expect(stored.map((live) => live['livingid']).sort()).toEqual(theirs.map((live) => live.livingid).sort());
    for (const live of theirs) {
      const row = stored.find((candidate) => candidate['livingid'] === live.livingid);
      expect(row?.['status']).withContext(live.livingid).toBe(live.status);
      const viewers = await runtime
        .db('live_viewers as v')
        .join('lives as l', 'l.id', 'v.live_id')
        .where({ 'l.corp_id': corpId, 'l.livingid': live.livingid })
        .count({ n: '*' })
        .first();
      expect(Number(viewers?.['n'])).withContext(`viewers of ${live.livingid}`).toBe(live.viewerCount);
    }
    expect(result.viewers).toBe(theirs.reduce((sum, live) => sum + live.viewerCount, 0));
    // 「已同步 i/N 场」 once per finished live (lives run in parallel: in the order they finish), counting up.
    const perLive = progress.filter((event) => /^已同步 \d+\/\d+ 场：/.test(event.message));
    expect(perLive.length).toBe(theirs.length);
    expect(perLive.map((event) => event.done)).toEqual(theirs.map((_, index) => index + 1));
    expect(perLive.every((event) => event.total === theirs.length)).toBeTrue();
    // Each names its live by theme (「…」), never by livingid.
    const named = perLive.map((event) => event.message.slice(event.message.indexOf('：') + 1));
    expect(named.every((text) => theirs.some((live) => text === `「${live.theme.trim()}」`))).toBeTrue();
    expect(named.some((text) => theirs.some((live) => text.includes(live.livingid)))).toBeFalse();
  });

  it('names an inviter through user/get and notes the permission when a member is not visible (R4.6)', async () => {
    const result = firstSync.snapshot.result as LiveSyncResult;
    expect(result.namedInviters).toBeGreaterThan(0);
    expect(result.notes.join('')).toContain('通讯录读取权限');
    const rows = (await runtime
      .db('live_viewers as v')
      .join('lives as l', 'l.id', 'v.live_id')
      .where({ 'l.livingid': data.specials.promotionLivingid })
      .select('v.invitor_userid', 'v.inviter_name')) as Array<{
      invitor_userid: string | null;
      inviter_name: string | null;
    }>;
    const byMember = rows.filter((row) => row.invitor_userid === data.specials.memberInviterUserid);
    const member = data.members.find((person) => person.userid === data.specials.memberInviterUserid);
    expect(byMember.length).toBeGreaterThan(0);
    expect(byMember.every((row) => row.inviter_name === member?.name)).toBeTrue();
    const byDenied = rows.filter((row) => row.invitor_userid === data.specials.deniedInviterUserid);
    expect(byDenied.length).toBeGreaterThan(0);
    expect(byDenied.every((row) => row.inviter_name === null)).toBeTrue();
  });

  it('stores self-invites unnamed and names the anchor’s invitations as the detail page shows them (R4.6)', async () => {
    const s = data.specials;
    const stored = (await runtime
      .db('live_viewers as v')
      .join('lives as l', 'l.id', 'v.live_id')
      .where({ 'l.corp_id': corpId, 'l.livingid': s.promotionLivingid })
      .select('v.viewer_id', 'v.invitor_userid', 'v.inviter_name', 'v.inviter_rule')) as Array<{
      viewer_id: string;
      invitor_userid: string | null;
      inviter_name: string | null;
      inviter_rule: string | null;
    }>;
    const byViewer = new Map(stored.map((row) => [row.viewer_id, row]));
    for (const id of [s.selfInviteViewer, s.selfInviteMember, s.anchorSelfInvite]) {
      expect(byViewer.get(id))
        .withContext(id)
        .toEqual(jasmine.objectContaining({ inviter_name: null, inviter_rule: 'self' }));
    }
    // Not created here, so no typed anchor name: user/get, asked with the anchor's exact userid, named them.
    const anchorName = data.members.find((person) => person.userid === anchor)?.name;
    const byAnchor = stored.filter((row) => row.invitor_userid === anchor && row.viewer_id !== anchor);
    expect(byAnchor.length).toBeGreaterThan(0);
    expect(byAnchor.every((row) => row.inviter_name === anchorName)).toBeTrue();
    // The detail page (its own read path, no refresh) agrees with what the sync stored.
    const detail = dataOf<{
      viewers: { rows: Array<{ viewerId: string; inviterName: string | null; inviterRule: string | null }> };
    }>(
      await runtime.router.dispatch(
        'live-detail.get',
        { livingid: s.promotionLivingid, page: 1, pageSize: 500 },
        admin,
      ),
    );
    for (const row of detail.viewers.rows) {
      const kept = byViewer.get(row.viewerId);
      if (kept?.inviter_rule === 'self') expect(row.inviterRule).withContext(row.viewerId).toBe('self');
      if (kept?.inviter_name !== null)
        expect(row.inviterName)
          .withContext(row.viewerId)
          .toBe(kept?.inviter_name ?? null);
      if (row.inviterRule === 'self') expect(row.inviterName).withContext(row.viewerId).toBeNull();
    }
  });

  it('changes nothing when the same member is synced again', async () => {
    const lives = await storedLives();
    const viewers = await storedViewers();
    const again = await sync(anchor);
    expect(again.snapshot.state).toBe('done');
    expect(await storedLives()).toEqual(lives);
    expect(await storedViewers()).toEqual(viewers);
  });

  it('stops a sync that is cancelled midway, keeping the lives already stored', async () => {
    // One get_living_info is answered and every later one hangs: the job is still pulling when it is
    // cancelled, however fast the machine.
    await client.admin('POST', 'faults', { api: 'living/get_living_info', times: 1 });
    await client.admin('POST', 'faults', { api: 'living/get_living_info', delayMs: 30_000, probability: 1 });
    const { jobId } = dataOf<JobStarted>(await call('sync', { userid: anchor }));
    await waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, admin));
      return snapshot.done >= 1 ? snapshot : undefined;
    }, 30_000);
    const cancelled = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.cancel', { jobId }, admin));
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBe(1);
    expect(cancelled.done).toBeLessThan(data.specials.mainAnchorLiveCount);
  });

  it('queries the local store only: keyword, member, dates, paging and sort', async () => {
    await client.admin('POST', 'counters/reset', {});
    const all = dataOf<LiveListPage>(await call('query', { page: 1, pageSize: 200 }));
    expect(all.total).toBe((await storedLives()).length);
    expect((await client.counters()).calls).toEqual({});

    const mine = dataOf<LiveListPage>(
      await call('query', { userid: anchor.toUpperCase(), page: 1, pageSize: 200 }),
    );
    expect(mine.total).toBe(data.specials.mainAnchorLiveCount);
    expect(mine.rows.every((row) => row.anchorUserid === anchor)).toBeTrue();

    const sample = all.rows[3];
    const theme = sample?.theme ?? '';
    const byTheme = dataOf<LiveListPage>(await call('query', { keyword: theme, page: 1, pageSize: 200 }));
    expect(byTheme.rows.map((row) => row.livingid)).toContain(sample?.livingid ?? '');
    expect(byTheme.rows.every((row) => row.theme.includes(theme) || row.livingid.includes(theme))).toBeTrue();
    const byId = dataOf<LiveListPage>(
      await call('query', { keyword: sample?.livingid, page: 1, pageSize: 10 }),
    );
    expect(byId.rows.map((row) => row.livingid)).toEqual([sample?.livingid ?? '']);

    const starts = all.rows.map((row) => row.start ?? 0).sort((a, b) => a - b);
    const from = starts[2] ?? 0;
    const to = starts[starts.length - 3] ?? 0;
    const ranged = dataOf<LiveListPage>(await call('query', { from, to, page: 1, pageSize: 200 }));
    expect(ranged.total).toBe(starts.filter((start) => start >= from && start <= to).length);
    expect(ranged.rows.every((row) => (row.start ?? 0) >= from && (row.start ?? 0) <= to)).toBeTrue();

    const sort = { field: 'theme', direction: 'asc' } as const;
    const first = dataOf<LiveListPage>(await call('query', { page: 1, pageSize: 5, sort }));
    const second = dataOf<LiveListPage>(await call('query', { page: 2, pageSize: 5, sort }));
    expect(first.total).toBe(all.total);
    expect(first.rows.length).toBe(5);
    // Pinyin order (行业 read as hang ye), then the period by value: not code-point order.
    const byPinyin = [
      '安全生产培训',
      '产品推广',
      '行业趋势分享',
      '会员专场',
      '季度复盘',
      '客户答疑',
      '入职培训',
      '销售技巧培训',
      '新品发布',
      '直播带货',
    ];
    const rank = (theme: string): number =>
      byPinyin.findIndex((word) => theme.startsWith(word)) * 1000 + Number(/第(\d+)期/.exec(theme)?.[1] ?? 0);
    const paged = [...first.rows, ...second.rows].map((row) => rank(row.theme));
    expect(paged.every((value) => value >= 0)).toBeTrue();
    expect(paged).toEqual([...paged].sort((a, b) => a - b));
    expect(new Set([...first.rows, ...second.rows].map((row) => row.livingid)).size).toBe(10);

    const bad = await call('query', { from: 10, to: 5, page: 1, pageSize: 10 });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });

  it('shows actual times once started, reserved before, and check-in totals from imported rounds', async () => {
    const { rows } = dataOf<LiveListPage>(await call('query', { userid: anchor, page: 1, pageSize: 200 }));
    const ended = rows.find((row) => row.livingid === data.specials.bigLivingid);
    expect(ended?.timeKind).toBe('actual');
    expect(ended?.start).toBe(ended?.actualStart ?? -1);
    expect(ended?.end).toBe((ended?.actualStart ?? 0) + (ended?.actualDuration ?? 0));
    expect(ended?.checkinRounds).toBe(0);
    // Never sampled while live: no peak is invented.
    expect(ended?.peakOnline).toBeNull();
    const reserved = rows.find((row) => row.livingid === data.specials.reservedLivingid);
    expect(reserved?.timeKind).toBe('reserved');
    expect(reserved?.start).toBe(reserved?.reserveStart ?? -1);

    const live = (await runtime
      .db('lives')
      .where({ corp_id: corpId, livingid: data.specials.bigLivingid })
      .first()) as {
      id: number;
    };
    const [one, two] = await Promise.all(
      [1, 2].map(async (roundNo) => {
        const [id] = (await runtime.db('live_checkin_rounds').insert({
          live_id: live.id,
          round_no: roundNo,
          title: `第${roundNo}次签到`,
          imported_at: Date.now(),
        })) as number[];
        return id as number;
      }),
    );
    await runtime.db('live_checkin_records').insert([
      {
        round_id: one,
        row_no: 1,
        member_label: '甲@微信',
        viewer_kind: 'external',
        viewer_id: 'wm1',
        match_state: 'matched',
      },
      { round_id: one, row_no: 2, member_label: '乙@微信', match_state: 'unmatched' },
      {
        round_id: two,
        row_no: 1,
        member_label: '甲（改名）@微信',
        viewer_kind: 'external',
        viewer_id: 'wm1',
        match_state: 'matched',
      },
    ]);
    const again = dataOf<LiveListPage>(
      await call('query', { keyword: data.specials.bigLivingid, page: 1, pageSize: 5 }),
    );
    expect(again.rows[0]).toEqual(
      jasmine.objectContaining({ checkinRounds: 2, checkinCount: 3, checkinPeople: 2 }),
    );
    await runtime
      .db('live_checkin_rounds')
      .whereIn('id', [one as number, two as number])
      .delete();
  });

  it('cancels a reserved live for a WeCom admin, never one that started, and not for other users', async () => {
    const reserved = data.specials.reservedLivingid;
    const refused = await call('cancel', { livingid: reserved }, member);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    await client.admin('POST', 'counters/reset', {});
    const started = await call('cancel', { livingid: data.specials.livingLivingid });
    expect(started.ok ? null : started.error.code).toBe('CONFLICT');
    expect((await client.counters()).calls['living/cancel']).toBeUndefined();

    const answer = dataOf<{ live: { status: number } }>(await call('cancel', { livingid: reserved }));
    expect(answer.live.status).toBe(4);
    expect((await client.admin<{ status: number }>('GET', `lives/${reserved}`)).status).toBe(4);
    const row = (await runtime.db('lives').where({ corp_id: corpId, livingid: reserved }).first()) as {
      status: number;
    };
    expect(row.status).toBe(4);
    // root-admin's 审计日志 says who cancelled which live (once: refusals wrote nothing).
    const audited = (await runtime.db('audit_log').where({ action: 'live-list.cancel' })) as Array<{
      actor_tier: string;
      target: string;
      ok: number;
    }>;
    expect(audited.length).toBe(1);
    expect(audited[0]?.actor_tier).toBe('wecom-admin');
    expect(audited[0]?.target).toContain(reserved);
    const twice = await call('cancel', { livingid: reserved });
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
  });

  it('exports the filtered list with real dates, a frozen header and the 统计分析 sheet', async () => {
    const filters = { userid: anchor };
    const page = dataOf<LiveListPage>(await call('query', { ...filters, page: 1, pageSize: 200 }));
    const { jobId } = dataOf<JobStarted>(
      await call('export', { ...filters, withCharts: true, timeZone: 'Asia/Shanghai' }),
    );
    const done = await finished(jobId);
    expect(done.state).toBe('done');
    const result = done.result as LiveExportResult;
    expect(result.fileName).toMatch(/^成员直播列表-\d{8}-\d{6}\.xlsx$/);
    const file = (await runtime.db('files').where({ id: result.fileId }).first()) as {
      path: string;
      kind: string;
    };
    expect(file.kind).toBe('export');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('直播列表');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_COLUMNS.map((column) => column.header));
    expect(sheet.views[0]).toEqual(jasmine.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(sheet.rowCount).toBe(page.total + 1);
    const idColumn = header.indexOf('直播 ID') + 1;
    const startColumn = header.indexOf('开始时间') + 1;
    for (const row of page.rows) {
      const excelRow = Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2)).find(
        (candidate) => candidate.getCell(idColumn).value === row.livingid,
      );
      const start = excelRow?.getCell(startColumn).value;
      expect(start)
        .withContext(row.livingid)
        .toEqual(new Date(((row.start ?? 0) + SHANGHAI_OFFSET_S) * 1000));
    }
    const peakColumn = header.indexOf('最高在线人数') + 1;
    expect(sheet.getRow(2).getCell(peakColumn).value).toBe('未采样');

    const stats = workbook.getWorksheet('统计分析');
    expect(stats).toBeDefined();
    // Row number → first cell's text (1-based, blank rows included).
    const texts = (stats?.getColumn(1).values ?? []).map((value) => String(value ?? ''));
    const rowOf = (text: string): number => texts.indexOf(text);
    const figure = (label: string): unknown => stats?.getRow(rowOf(label)).getCell(2).value;
    const viewers = page.rows.reduce((sum, row) => sum + (row.viewerNum ?? 0), 0);
    expect(figure('直播场次')).toBe(page.total);
    expect(figure('观看人数合计')).toBe(viewers);
    expect(figure('已导入签到的场次')).toBe(page.rows.filter((row) => row.checkinRounds > 0).length);
    expect(stats?.getRow(rowOf(anchor)).getCell(3).value).toBe(page.total);
    expect(stats?.getRow(rowOf(anchor)).getCell(4).value).toBe(viewers);
    // Lives per day on Beijing's calendar, as the sheet's first table lists them.
    const perDay = new Map<string, number>();
    for (const row of page.rows) {
      if (row.start === null) continue;
      const day = new Date((row.start + 8 * 3600) * 1000).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(perDay.size).toBeGreaterThan(0);
    const dayTitle = rowOf('每日直播场次');
    const dayRows = [...perDay.keys()].sort().map((_, index) => stats?.getRow(dayTitle + 2 + index).values);
    expect(dayRows).toEqual(
      [...perDay]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, lives]) => jasmine.arrayContaining([day, lives]) as unknown as ExcelJS.CellValue[]),
    );
    // A chart beside each table that has figures to draw, at its header row, right of the widest table.
    const titles = ['每日直播场次', '各主播直播场次', '观看人数前 20 场', '各场签到率'];
    for (const title of titles) expect(rowOf(title)).toBeGreaterThan(0);
    const withChart = titles.filter(
      (title) =>
        title !== '各场签到率' || page.rows.some((row) => row.checkinRounds > 0 && (row.viewerNum ?? 0) > 0),
    );
    const expectedAt = withChart.map((title) => [rowOf(title) + 1, 7]);
    const pictures = await exceljsPictures(file.path, '统计分析');
    expect(pictures.map(({ row, col }) => [row, col])).toEqual(expectedAt);
    expect(pictures.every(({ png }) => pngSize(png).width === 1120)).toBeTrue();
    const parts = await zipPictures(file.path);
    expect(parts.media.length).toBe(expectedAt.length);
    const openpyxl = openpyxlPictures(file.path, '统计分析');
    if (openpyxl !== null) expect(openpyxl).toEqual(expectedAt as Array<[number, number]>);
  });

  it('shows no end while a live is on: 直播中 in the list and the export', async () => {
    const livingid = data.specials.livingLivingid;
    const { rows } = dataOf<LiveListPage>(await call('query', { livingid, page: 1, pageSize: 5 }));
    expect(rows[0]?.status).toBe(1);
    expect(rows[0]?.actualStart).not.toBeNull();
    expect([rows[0]?.living, rows[0]?.end]).toEqual([true, null]);
    const { jobId } = dataOf<JobStarted>(await call('export', { livingid }));
    const result = (await finished(jobId)).result as LiveExportResult;
    const file = (await runtime.db('files').where({ id: result.fileId }).first()) as { path: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const header = (workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    const end = header.indexOf('结束时间') + 1;
    expect(workbook.worksheets[0]?.getRow(2).getCell(end).value).toBe('直播中');
  });

  it('exports one live by its id, without the second sheet', async () => {
    const livingid = data.specials.endedLivingid;
    const { jobId } = dataOf<JobStarted>(await call('export', { livingid }));
    const result = (await finished(jobId)).result as LiveExportResult;
    const file = (await runtime.db('files').where({ id: result.fileId }).first()) as { path: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['直播列表']);
    expect(workbook.worksheets[0]?.rowCount).toBe(2);
  });

  it('names the anchor of a live not created here in the 主播 column, from the name cache', async () => {
    const livingid = data.specials.promotionLivingid;
    const live = (await runtime.db('lives').where({ corp_id: corpId, livingid }).first()) as {
      anchor_userid: string;
      anchor_name: string | null;
      created_by_us: number;
    };
    expect(live.anchor_name).withContext('no typed anchor name').toBeNull();
    const known = (await runtime
      .db('live_people')
      .where({ corp_id: corpId, person_kind: 'internal', person_id: live.anchor_userid })
      .first('name')) as { name: string } | undefined;
    expect(known?.name).withContext('the sync named the anchor through user/get').toBeTruthy();
    const { jobId } = dataOf<JobStarted>(await call('export', { livingid }));
    const result = (await finished(jobId)).result as LiveExportResult;
    const file = (await runtime.db('files').where({ id: result.fileId }).first()) as { path: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.worksheets[0];
    const headers = (sheet?.getRow(1).values ?? []) as unknown[];
    const column = headers.indexOf('主播');
    expect(column).toBeGreaterThan(0);
    expect(sheet?.getRow(2).getCell(column).value).toBe(known?.name ?? '');
  });

  it('refuses root-admin (no WeCom login) on every channel', async () => {
    const root = await sessionFor(runtime, 'root-admin', 'root');
    for (const [channel, body] of [
      ['query', { page: 1, pageSize: 10 }],
      ['sync', { userid: anchor }],
      ['cancel', { livingid: data.specials.reservedLivingid }],
      ['export', {}],
    ] as const) {
      const answer = await call(channel, body, root);
      expect(answer.ok ? null : answer.error.code)
        .withContext(channel)
        .toBe('FORBIDDEN');
    }
  });
});
