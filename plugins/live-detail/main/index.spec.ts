// The live-detail plugin's main side through the router, against the WeCom simulator over HTTP.
import ExcelJS from 'exceljs';
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import { USER_GET_DENIED_SOURCE } from '../../../sdk/contracts/inviter-naming.js';
import type { ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { SimClient, type DataSummary } from '../../../tests/wecom-sim/spec-client.js';
import { dataOf, sessionFor, waitFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type { LiveDetailAnswer, LiveDetailExportResult } from '../shared/live-detail-api.js';
import {
  exceljsPictures,
  openpyxlPictures,
  PNG_SIGNATURE,
  pngSize,
  zipPictures,
} from '../../../tests/support/xlsx-images.js';
import { invitedByOther, inviterText, NO_INVITER_TEXT, SELF_INVITE_TEXT } from '../shared/viewer-format.js';

type Runtime = SimWorld['runtime'];

/** The viewer table's header row: the last frozen row (the live's header block is above it). */
function tableHeaderRow(sheet: ExcelJS.Worksheet | undefined): number {
  const view = sheet?.views[0] as { state?: string; ySplit?: number } | undefined;
  expect(view?.state).toBe('frozen');
  return view?.ySplit ?? 1;
}

describe('live-detail plugin (main side, simulator)', () => {
  let world: SimWorld;
  let client: SimClient;
  let data: DataSummary;
  let runtime: Runtime;
  let corpId: string;
  let session: string;

  beforeAll(async () => {
    world = await startSimWorld('live-detail', { seed: 11, lives: 8, viewers: 400, members: 12 });
    ({ client, runtime, corpId } = world);
    data = await client.data();
    session = await sessionFor(runtime, 'user', 'viewer-1', corpId);
  });

  afterAll(() => stopSimWorld(world));

  afterEach(async () => {
    await client.admin('DELETE', 'faults');
  });

  const call = (channel: string, input: unknown, as = session): Promise<RpcResult> =>
    runtime.router.dispatch(`live-detail.${channel}`, input, as);

  const get = async (livingid: string, extra: Record<string, unknown> = {}): Promise<LiveDetailAnswer> =>
    dataOf<LiveDetailAnswer>(await call('get', { livingid, page: 1, pageSize: 500, ...extra }));

  async function viewerRows(livingid: string): Promise<Array<Record<string, unknown>>> {
    const live = (await runtime.db('lives').where({ corp_id: corpId, livingid }).first('id')) as {
      id: number;
    };
    return (await runtime.db('live_viewers').where('live_id', live.id).orderBy('id')) as Array<
      Record<string, unknown>
    >;
  }

  it('pulls a live with refresh, stores every viewer and answers them joined and paged; twice changes nothing', async () => {
    const promo = data.specials.promotionLivingid;
    const simLive = data.lives.find((live) => live.livingid === promo);
    const first = await get(promo, { refresh: true, pageSize: 20 });
    expect(first.live.livingid).toBe(promo);
    expect(first.viewers.total).toBe(simLive?.viewerCount ?? -1);
    expect(first.viewers.rows.length).toBe(Math.min(20, first.viewers.total));
    expect(first.charts.viewers).toBe(first.viewers.total);
    expect(first.charts.audience.reduce((sum, point) => sum + point.value, 0)).toBe(first.viewers.total);
    expect(first.charts.watchTime.reduce((sum, point) => sum + point.value, 0)).toBe(first.viewers.total);
    // Longest watchers first.
    const times = first.viewers.rows.map((row) => row.watchTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await viewerRows(promo)).length).toBe(first.viewers.total);
    // The first pull may learn inviter names through user/get, which the next merge stores: compare the
    // second and third pulls.
    await get(promo, { refresh: true, pageSize: 20 });
    const before = await viewerRows(promo);

    const second = await get(promo, { refresh: true, pageSize: 20 });
    const after = await viewerRows(promo);
    const strip = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ last_synced_at: _, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(second.viewers.total).toBe(first.viewers.total);
  });

  it('does not ask WeCom again on the next visit for members it refused, keeps the notice, and asks on 刷新', async () => {
    const promo = data.specials.promotionLivingid;
    await get(promo, { refresh: true });
    const userGets = async (): Promise<number> => (await client.counters()).calls['user/get'] ?? 0;
    const before = await userGets();
    const visit = await get(promo, { refresh: true });
    expect(await userGets()).toBe(before);
    expect(visit.notices.join()).toContain('可见范围');
    const recheck = await get(promo, { refresh: true, recheckNames: true });
    expect(await userGets()).toBeGreaterThan(before);
    expect(recheck.notices.join()).toContain('可见范围');
  });

  it('names inviters by the R4.6 rules, user/get included; a denied member gets an empty name and a permission notice', async () => {
    const promo = data.specials.promotionLivingid;
    const answer = await get(promo, { refresh: true });
    expect(answer.inviterSupported).toBeTrue();
    const member = data.members.find((m) => m.userid === data.specials.memberInviterUserid);
    const byMember = answer.viewers.rows.filter(
      (row) => row.invitorUserid === data.specials.memberInviterUserid,
    );
    expect(byMember.length).toBeGreaterThan(0);
    expect(
      byMember.every((row) => row.inviterName === member?.name && row.inviterRule === 'user-get'),
    ).toBeTrue();
    const byDenied = answer.viewers.rows.filter(
      (row) => row.invitorUserid === data.specials.deniedInviterUserid,
    );
    expect(byDenied.length).toBeGreaterThan(0);
    expect(byDenied.every((row) => row.inviterName === null && row.inviterRule === 'none')).toBeTrue();
    expect(answer.notices.join()).toContain('可见范围');
    const cached = (await runtime
      .db('live_people')
      .where({ corp_id: corpId, person_id: data.specials.deniedInviterUserid })
      .first()) as { name: string; source: string };
    expect(cached).toEqual(jasmine.objectContaining({ name: '', source: USER_GET_DENIED_SOURCE }));
    // Member viewers come without names from WeCom's stats: user/get names those the app may read.
    const members = answer.viewers.rows.filter((row) => row.kind === 'internal');
    expect(members.length).toBeGreaterThan(0);
    for (const row of members) {
      const simMember = data.members.find((m) => m.userid.toLowerCase() === row.viewerId.toLowerCase());
      expect(row.name)
        .withContext(row.viewerId)
        .toBe(simMember === undefined || simMember.denied ? row.name : simMember.name);
      if (simMember !== undefined && !simMember.denied) expect(row.name).not.toBe('');
    }
    const viewerInvited = answer.viewers.rows.find(
      (row) => row.viewerId === data.specials.viewerInvitedViewer,
    );
    expect(viewerInvited?.inviterRule).toBe('viewer');
    expect(answer.charts.topInviters.length).toBeGreaterThan(0);
    // Keyword search covers the inviter name.
    const found = await get(promo, { keyword: member?.name ?? '?' });
    expect(found.viewers.total).toBeGreaterThanOrEqual(byMember.length);
    expect(
      found.viewers.rows.every(
        (row) => row.inviterName === member?.name || row.name.includes(member?.name ?? '?'),
      ),
    ).toBeTrue();
  });

  it('never names a viewer as their own inviter; the anchor’s invitations are named through user/get', async () => {
    const s = data.specials;
    const promo = s.promotionLivingid;
    await client.admin('POST', 'counters/reset');
    const answer = await get(promo, { refresh: true });
    const row = (id: string) => answer.viewers.rows.find((viewer) => viewer.viewerId === id);
    const anchor = data.members.find((m) => m.userid === s.mainAnchorUserid);
    const selfMember = data.members.find((m) => m.userid === s.selfInviteMember);
    // Self-invites by an external user, a member and the anchor: no name, ever, though user/get named
    // the member and the anchor (as viewers and, for the anchor, as the inviter of others).
    for (const id of [s.selfInviteViewer, s.selfInviteMember, s.anchorSelfInvite]) {
      expect(row(id))
        .withContext(id)
        .toEqual(jasmine.objectContaining({ inviterName: null, inviterRule: 'self' }));
    }
    expect(row(s.selfInviteMember)?.name).toBe(selfMember?.name ?? '?');
    expect(row(s.anchorSelfInvite)?.name).toBe(anchor?.name ?? '?');
    // The live was not created here (no typed anchor name): the anchor's invitations of others carry the
    // name user/get answered for the anchor's userid exactly as WeCom spells it.
    expect(s.mainAnchorUserid).not.toBe(s.mainAnchorUserid.toLowerCase());
    const byAnchor = answer.viewers.rows.filter(
      (viewer) => viewer.invitorUserid === s.mainAnchorUserid && viewer.viewerId !== s.mainAnchorUserid,
    );
    expect(byAnchor.length).toBeGreaterThan(0);
    for (const viewer of byAnchor) {
      expect(viewer)
        .withContext(viewer.viewerId)
        .toEqual(jasmine.objectContaining({ inviterName: anchor?.name, inviterRule: 'user-get' }));
    }
    // Each spelling asked is the one received: nothing lower-cased reached user/get (the simulator
    // would answer 60111 and the names above would be empty), nothing cached under another spelling.
    const people = (await runtime
      .db('live_people')
      .where({ corp_id: corpId, person_kind: 'internal' })
      .pluck('person_id')) as string[];
    const issued = new Set(data.members.map((m) => m.userid));
    expect(people.filter((id) => !issued.has(id))).toEqual([]);
    // The ranking counts invitations of others only: the anchor's self-invite is not one.
    const anchorRank = answer.charts.topInviters.find((point) => point.label === anchor?.name);
    expect(anchorRank?.value).toBe(byAnchor.length);
    expect(answer.charts.topInviters.map((point) => point.label)).not.toContain(SELF_INVITE_TEXT);
    expect(answer.charts.topInviters.map((point) => point.label)).not.toContain(selfMember?.name ?? '?');
    // Searching the self-inviting member's name finds them as a viewer, not as anybody's inviter.
    const found = await get(promo, { keyword: selfMember?.name ?? '?' });
    expect(found.viewers.rows.every((viewer) => viewer.inviterName !== selfMember?.name)).toBeTrue();
    expect(found.viewers.rows.map((viewer) => viewer.viewerId)).toContain(s.selfInviteMember);
  });

  it('lets an inviter name WeCom answers in the stats win (rule 1), never for a self-invite', async () => {
    const s = data.specials;
    await client.admin('POST', 'config', { statInviterNames: true });
    try {
      const answer = await get(s.promotionLivingid, { refresh: true });
      const member = data.members.find((m) => m.userid === s.memberInviterUserid);
      const byMember = answer.viewers.rows.filter((viewer) => viewer.invitorUserid === s.memberInviterUserid);
      expect(byMember.length).toBeGreaterThan(0);
      for (const viewer of byMember) {
        expect(viewer).toEqual(
          jasmine.objectContaining({ inviterName: member?.name, inviterRule: 'watch-stat' }),
        );
      }
      const viaViewer = answer.viewers.rows.find((viewer) => viewer.viewerId === s.viewerInvitedViewer);
      expect(viaViewer).toEqual(
        jasmine.objectContaining({ inviterName: '黍离。', inviterRule: 'watch-stat' }),
      );
      // WeCom named the self-invites too (the viewer's own name): still nobody's invitation.
      for (const id of [s.selfInviteViewer, s.selfInviteMember, s.anchorSelfInvite]) {
        const viewer = answer.viewers.rows.find((row) => row.viewerId === id);
        expect(viewer)
          .withContext(id)
          .toEqual(jasmine.objectContaining({ inviterName: null, inviterRule: 'self' }));
      }
      // A denied member WeCom names in the stats needs no user/get.
      const byDenied = answer.viewers.rows.filter((viewer) => viewer.invitorUserid === s.deniedInviterUserid);
      const denied = data.members.find((m) => m.userid === s.deniedInviterUserid);
      expect(byDenied.every((viewer) => viewer.inviterName === denied?.name)).toBeTrue();
    } finally {
      await client.admin('POST', 'config', { statInviterNames: false });
    }
  });

  it('exports a self-invite as such, never with the viewer’s own name as inviter', async () => {
    const s = data.specials;
    const promo = s.promotionLivingid;
    const answer = await get(promo, { refresh: true });
    const { jobId } = dataOf<{ jobId: string }>(await call('export', { livingid: promo, withCharts: true }));
    const result = await waitFor(async () => {
      const job = dataOf<{ state: string; result: LiveDetailExportResult | null }>(
        await runtime.router.dispatch('jobs.get', { jobId }, session),
      );
      return job.state === 'done' ? job.result : undefined;
    }, 20_000);
    const stored = await runtime.files.get(result?.fileId ?? '', await runtime.sessions.resolve(session));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stored.path);
    const sheet = workbook.getWorksheet('观众明细');
    const headerRow = tableHeaderRow(sheet);
    const header = (sheet?.getRow(headerRow).values as unknown[]).map(String);
    const column = (title: string): number => header.indexOf(title);
    const byId = new Map<string, string>();
    sheet?.eachRow((excelRow, rowNo) => {
      if (rowNo > headerRow)
        byId.set(
          String(excelRow.getCell(column('userid / external_userid')).value),
          String(excelRow.getCell(column('邀请人')).value),
        );
    });
    for (const id of [s.selfInviteViewer, s.selfInviteMember, s.anchorSelfInvite]) {
      expect(byId.get(id)).withContext(id).toBe(SELF_INVITE_TEXT);
    }
    const anchor = data.members.find((m) => m.userid === s.mainAnchorUserid);
    expect(byId.get(s.anchorInvitedViewer)).toBe(anchor?.name);
    expect(answer.viewers.total).toBe(byId.size);
    // The profile sheet's ranking leaves self-invites out too.
    const profile = workbook.getWorksheet('观众画像');
    const labels = profile?.getColumn(1).values.map(String) ?? [];
    expect(labels).not.toContain(SELF_INVITE_TEXT);
  });

  it('says inviters are promotion-only for other lives', async () => {
    const other = data.lives.find((live) => live.type !== 4 && live.viewerCount > 0);
    expect(other).withContext('a non-promotion live with viewers').toBeDefined();
    const answer = await get(other?.livingid ?? '', { refresh: true });
    expect(answer.inviterSupported).toBeFalse();
    expect(answer.charts.topInviters).toEqual([]);
    expect(NO_INVITER_TEXT).toContain('推广产品直播');
  });

  /** One imported round on the promotion live (as checkin-import stores it), matched to its top viewer. */
  async function seedCheckin(): Promise<ViewerDetail> {
    const promo = data.specials.promotionLivingid;
    const answer = await get(promo, { refresh: true, pageSize: 1 });
    const live = (await runtime.db('lives').where({ corp_id: corpId, livingid: promo }).first('id')) as {
      id: number;
    };
    await runtime
      .db('live_checkin_rounds')
      .insert({
        live_id: live.id,
        round_no: 1,
        title: '第一次签到',
        started_at: 1_741_839_420,
        reported_count: 2,
        imported_at: Date.now(),
      })
      .onConflict(['live_id', 'round_no'])
      .ignore();
    const round = (await runtime
      .db('live_checkin_rounds')
      .where({ live_id: live.id, round_no: 1 })
      .first('id')) as {
      id: number;
    };
    const target = answer.viewers.rows[0] as ViewerDetail;
    await runtime
      .db('live_checkin_records')
      .insert([
        {
          round_id: round.id,
          row_no: 1,
          member_label: target.name,
          viewer_kind: target.kind,
          viewer_id: target.viewerId,
          match_state: 'matched',
        },
        { round_id: round.id, row_no: 2, member_label: '陌生人@微信', match_state: 'unmatched' },
      ])
      .onConflict(['round_id', 'row_no'])
      .ignore();
    return target;
  }

  it('joins check-ins with each round’s time', async () => {
    const target = await seedCheckin();
    const joined = await get(data.specials.promotionLivingid, { pageSize: 3 });
    expect(joined.rounds).toEqual([
      { roundNo: 1, title: '第一次签到', startedAt: 1_741_839_420, matched: 1, records: 2, reportedCount: 2 },
    ]);
    expect(joined.viewers.rows[0]?.viewerId).toBe(target.viewerId);
    expect(joined.viewers.rows[0]?.checkins).toEqual([
      { roundNo: 1, title: '第一次签到', at: 1_741_839_420 },
    ]);
    expect(joined.viewers.rows[1]?.checkins).toEqual([]);
    expect(joined.charts.checkinRounds).toEqual([{ label: '第一次签到', value: 1 }]);
  });

  it('filters the viewers server-side and resolves an ambiguous check-in to the picked namesake, audited', async () => {
    const promo = data.specials.promotionLivingid;
    const pulled = await get(promo, { refresh: true });
    const [first, second] = pulled.viewers.rows.filter(
      (viewer) => viewer.kind === 'external' && viewer.name !== '',
    );
    if (first === undefined || second === undefined)
      throw new Error('the promotion live needs two named external viewers');
    const live = (await runtime.db('lives').where({ corp_id: corpId, livingid: promo }).first('id')) as {
      id: number;
    };
    // Two WeChat users with one nickname (common): the second takes the first's name, spaced differently.
    await runtime
      .db('live_viewers')
      .where({ live_id: live.id, viewer_kind: 'external', viewer_id: second.viewerId })
      .update({ name: ` ${first.name} ` });
    await runtime.db('live_checkin_rounds').where('live_id', live.id).delete();
    const [round] = (await runtime
      .db('live_checkin_rounds')
      .insert({
        live_id: live.id,
        round_no: 1,
        title: '第一次签到',
        started_at: 1_741_839_420,
        imported_at: Date.now(),
      })
      .returning('id')) as Array<{ id: number }>;
    await runtime.db('live_checkin_records').insert({
      round_id: round?.id,
      row_no: 3,
      member_label: first.name,
      match_state: 'ambiguous',
      checked_at: 1_741_839_420,
    });
    const row = { livingid: promo, roundNo: 1, rowNo: 3, memberLabel: first.name };
    try {
      await resolveAmbiguous(promo, row, pulled, first, second);
    } finally {
      // The runtime is shared by the specs: the live's check-ins and the renamed viewer go back.
      await runtime.db('live_checkin_resolutions').where('live_id', live.id).delete();
      await runtime.db('live_checkin_rounds').where('live_id', live.id).delete();
      await runtime
        .db('live_viewers')
        .where({ live_id: live.id, viewer_kind: 'external', viewer_id: second.viewerId })
        .update({ name: second.name });
    }
  });

  async function resolveAmbiguous(
    promo: string,
    row: { livingid: string; roundNo: number; rowNo: number; memberLabel: string },
    pulled: LiveDetailAnswer,
    first: ViewerDetail,
    second: ViewerDetail,
  ): Promise<void> {
    const before = await get(promo, { filters: { checkedIn: true } });
    expect(before.viewers.total).toBe(0);

    const candidates = dataOf<Array<{ viewerId: string }>>(await call('candidates', row));
    expect(candidates.map((viewer) => viewer.viewerId)).toEqual(
      jasmine.arrayContaining([first.viewerId, second.viewerId]),
    );
    const stranger = pulled.viewers.rows.find(
      (viewer) => !candidates.some((c) => c.viewerId === viewer.viewerId),
    );
    const refused = await call('resolve', {
      ...row,
      viewerKind: stranger?.kind,
      viewerId: stranger?.viewerId,
    });
    expect(refused.ok ? null : refused.error.code).toBe('INVALID_INPUT');

    const resolved = await call('resolve', { ...row, viewerKind: 'external', viewerId: second.viewerId });
    expect(resolved.ok).withContext(JSON.stringify(resolved)).toBeTrue();
    const after = await get(promo, { filters: { checkedIn: true } });
    expect(after.viewers.rows.map((viewer) => viewer.viewerId)).toEqual([second.viewerId]);
    expect(after.rounds[0]).toEqual(jasmine.objectContaining({ records: 1, matched: 1 }));
    expect(after.unmatchedCheckins).toBe(0);
    const audit = (await runtime.db('audit_log').where('action', 'live-detail.resolveCheckin')) as Array<{
      target: string;
    }>;
    expect(audit.length).toBe(1);
    expect(audit[0]?.target).toContain(second.viewerId);

    const wrong = await call('get', {
      livingid: promo,
      page: 1,
      pageSize: 10,
      filters: { minWatch: 600, maxWatch: 60 },
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_INPUT');
    const members = await get(promo, { filters: { types: ['member'], hasInviter: true } });
    expect(
      members.viewers.rows.every((viewer) => viewer.kind === 'internal' && invitedByOther(viewer)),
    ).toBeTrue();
  }

  it('counts the viewer profile in the store exactly as the joined rows of every viewer say', async () => {
    await seedCheckin();
    const promo = data.specials.promotionLivingid;
    const answer = await get(promo, { pageSize: 500 });
    const rows = answer.viewers.rows;
    expect(rows.length).toBe(answer.viewers.total);
    const count = (test: (viewer: ViewerDetail) => boolean): number => rows.filter(test).length;
    const audience = [
      { label: '企业成员', value: count((v) => v.kind === 'internal') },
      { label: '微信用户', value: count((v) => v.kind === 'external' && v.externalType === 1) },
      { label: '企业微信用户（外部）', value: count((v) => v.kind === 'external' && v.externalType === 2) },
    ];
    const others = count((v) => v.kind === 'external' && v.externalType !== 1 && v.externalType !== 2);
    if (others > 0) audience.push({ label: '其他外部联系人', value: others });
    const bounds = [0, 60, 300, 900, 1800, 3600, Number.POSITIVE_INFINITY];
    const invited = new Map<string, number>();
    for (const viewer of rows.filter(invitedByOther)) {
      const label = inviterText(viewer, true);
      if (label !== '') invited.set(label, (invited.get(label) ?? 0) + 1);
    }
    expect(invited.size).toBeGreaterThan(0);
    const top = [...invited.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
      .slice(0, 10)
      .map(([label, value]) => ({ label, value }));
    expect(answer.charts).toEqual({
      audience,
      watchTime: bounds.slice(1).map((below, index) => ({
        label: jasmine.any(String) as unknown as string,
        value: count((v) => v.watchTime >= (bounds[index] ?? 0) && v.watchTime < below),
      })),
      topInviters: top,
      checkinRounds: answer.rounds.map((round) => ({
        label: round.title,
        value: count((v) => v.checkins.some((checkin) => checkin.roundNo === round.roundNo)),
      })),
      engagement: [
        { label: '观看', value: rows.length },
        { label: '评论', value: count((v) => v.isComment) },
        { label: '连麦', value: count((v) => v.isMic) },
        { label: '签到', value: count((v) => v.checkins.length > 0) },
      ],
      viewers: rows.length,
    });
    // A search narrows the page, never the profile.
    const searched = await get(promo, { pageSize: 5, keyword: rows[0]?.viewerId ?? '' });
    expect(searched.charts).toEqual(answer.charts);
  });

  it('answers local data with a notice when WeCom is down, but lets 60020 through', async () => {
    const ended = data.specials.endedLivingid;
    const fresh = await get(ended, { refresh: true });
    await client.admin('POST', 'faults', { api: 'living/get_living_info', errcode: -1, times: 100 });
    const offline = await get(ended, { refresh: true });
    expect(offline.notices.join()).toContain('本地保存的数据');
    expect(offline.viewers.total).toBe(fresh.viewers.total);
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'faults', { api: 'living/get_watch_stat', drop: true, times: 100 });
    expect((await get(ended, { refresh: true })).notices.length).toBe(1);
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'faults', { api: 'living/get_living_info', errcode: 60020, times: 5 });
    const blocked = await call('get', { livingid: ended, refresh: true, page: 1, pageSize: 10 });
    expect(blocked.ok ? null : blocked.error.code).toBe('WECOM_IP_NOT_ALLOWED');
  });

  it('refuses an unknown live that WeCom cannot answer either', async () => {
    const missing = await call('get', { livingid: 'no-such-live', refresh: true, page: 1, pageSize: 10 });
    expect(missing.ok).toBeFalse();
    const notLocal = await call('get', { livingid: 'no-such-live', page: 1, pageSize: 10 });
    expect(notLocal.ok ? null : notLocal.error.code).toBe('NOT_FOUND');
  });

  it('offers a pulled live to the shared picker (lives.pick)', async () => {
    await get(data.specials.promotionLivingid, { refresh: true, pageSize: 1 });
    const lives = dataOf<LiveOption[]>(await runtime.router.dispatch('lives.pick', { limit: 50 }, session));
    expect(lives.map((live) => live.livingid)).toContain(data.specials.promotionLivingid);
  });

  it('exports the viewers (and their profile) to a workbook', async () => {
    const promo = data.specials.promotionLivingid;
    await seedCheckin();
    const answer = await get(promo, { pageSize: 1 });
    const { jobId } = dataOf<{ jobId: string }>(await call('export', { livingid: promo, withCharts: true }));
    const result = await waitFor(async () => {
      const job = dataOf<{ state: string; result: LiveDetailExportResult | null; error?: unknown }>(
        await runtime.router.dispatch('jobs.get', { jobId }, session),
      );
      if (job.state === 'failed') throw new Error(`export failed: ${JSON.stringify(job.error)}`);
      return job.state === 'done' ? job.result : undefined;
    }, 20_000);
    expect(result?.fileName).toMatch(/^直播详情-.*\.xlsx$/);
    const stored = await runtime.files.get(result?.fileId ?? '', await runtime.sessions.resolve(session));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stored.path);
    const viewers = workbook.getWorksheet('观众明细');
    // The live's header block above a frozen, filtered table (the customer's document).
    const headerRow = tableHeaderRow(viewers);
    expect(headerRow).toBeGreaterThan(1);
    expect(String(viewers?.autoFilter)).toMatch(new RegExp(`^A${headerRow}:[A-Z]+${headerRow}$`));
    expect(viewers?.getRow(headerRow).getCell(1).font?.bold).toBeTrue();
    expect(viewers?.rowCount).toBe(answer.viewers.total + headerRow);
    const above = new Map<string, unknown>();
    for (let rowNo = 2; rowNo < headerRow; rowNo += 1) {
      const values = viewers?.getRow(rowNo).values as unknown[];
      for (let cell = 1; cell + 1 < values.length; cell += 2)
        above.set(String(values[cell]), values[cell + 1]);
    }
    expect(String(viewers?.getRow(1).getCell(1).value)).toBe(`直播详情：${answer.live.theme}`);
    expect(above.get('直播主题')).toBe(answer.live.theme);
    expect(above.get('直播 ID')).toBe(promo);
    expect(String(above.get('主播'))).toContain(answer.live.anchorUserid);
    expect(above.get('观众人数')).toBe(answer.viewers.total);
    expect(above.get('签到人数')).toBe(1);
    expect(above.get('签到轮次')).toBe(1);
    expect([...above.keys()].some((label) => /开始$/.test(label))).toBeTrue();
    expect(above.get('导出时间')).toBeInstanceOf(Date);
    const header = (viewers?.getRow(headerRow).values as unknown[]).slice(1);
    expect(header).toEqual(
      jasmine.arrayContaining([
        '观众',
        '观众类型',
        '观看时长',
        '签到次数',
        '第一次签到签到时间',
        '邀请人',
        '评论',
        '连麦',
      ]),
    );
    expect(String(viewers?.getRow(headerRow + 1).getCell(4).value)).toMatch(/^\d+:\d\d:\d\d$/);
    // Check-in times are Excel dates of Beijing's wall clock (exceljs reads them back by their UTC
    // fields), not text: the seeded round started 2025-03-13 04:17 UTC, 12:17 in Beijing.
    const checkinColumn = (header as string[]).indexOf('第一次签到签到时间') + 1;
    const checkedIn = viewers?.getRow(headerRow + 1).getCell(checkinColumn);
    expect(checkedIn?.type).toBe(ExcelJS.ValueType.Date);
    expect(checkedIn?.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect((checkedIn?.value as Date).toISOString()).toBe('2025-03-13T12:17:00.000Z');
    expect(viewers?.getRow(headerRow + 2).getCell(checkinColumn).value ?? '').toBe('');
    const rounds = workbook.getWorksheet('签到轮次');
    expect(rounds?.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);
    const profile = workbook.getWorksheet('观众画像');
    const labels = profile?.getColumn(1).values.map(String) ?? [];
    expect(labels).toEqual(
      jasmine.arrayContaining(['观众构成', '观看时长分布', '企业成员', '签到情况（每轮签到人数）']),
    );
    // The page's charts as pictures beside their tables (R7.2): one per non-empty card, at its header
    // row, one column right of the 项目 / 人数 / 占比 table; the figures are the page's.
    const blocks = [
      ['观众构成', answer.charts.audience],
      ['观看时长分布', answer.charts.watchTime],
      ['邀请人排行（前 10）', answer.charts.topInviters],
      ['签到情况（每轮签到人数）', answer.charts.checkinRounds],
      ['互动', answer.charts.engagement],
    ] as const;
    const expectedAt: Array<[number, number]> = [];
    for (const [title, points] of blocks) {
      const titleRow = labels.indexOf(title);
      expect(titleRow).toBeGreaterThan(0);
      expect(profile?.getRow(titleRow + 1).values).toEqual(
        title === '邀请人排行（前 10）' ? [undefined, '项目', '人数'] : [undefined, '项目', '人数', '占比'],
      );
      const table = points.map((_, index) =>
        (profile?.getRow(titleRow + 2 + index).values as unknown[]).slice(1, 3),
      );
      expect(table).toEqual(points.map((point) => [point.label, point.value]));
      if (points.length > 0) expectedAt.push([titleRow + 1, 5]);
    }
    expect(answer.charts.audience.find((point) => point.label === '企业成员')?.value).toBeGreaterThan(0);
    expect(expectedAt.length).toBeGreaterThanOrEqual(4);
    const pictures = await exceljsPictures(stored.path, '观众画像');
    expect(pictures.map(({ row, col }) => [row, col])).toEqual(expectedAt);
    for (const picture of pictures) {
      expect(picture.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(picture.png)).toEqual({ width: 960, height: 560 });
    }
    const parts = await zipPictures(stored.path);
    expect(parts.media.length).toBe(expectedAt.length);
    // Only the profile sheet (the last one) has a drawing.
    expect([...parts.drawingsBySheet].filter(([, drawings]) => drawings.length > 0).length).toBe(1);
    const openpyxl = openpyxlPictures(stored.path, '观众画像');
    if (openpyxl !== null) expect(openpyxl).toEqual(expectedAt);

    const plain = dataOf<{ jobId: string }>(await call('export', { livingid: promo }));
    const plainResult = await waitFor(async () => {
      const job = dataOf<{ state: string; result: LiveDetailExportResult | null }>(
        await runtime.router.dispatch('jobs.get', { jobId: plain.jobId }, session),
      );
      return job.state === 'done' ? job.result : undefined;
    }, 20_000);
    expect(plainResult?.rows).toBe(answer.viewers.total);
    const plainFile = await runtime.files.get(
      plainResult?.fileId ?? '',
      await runtime.sessions.resolve(session),
    );
    expect((await zipPictures(plainFile.path)).media).toEqual([]);
  });

  it('refuses the root admin (no corp)', async () => {
    const root = await sessionFor(runtime, 'root-admin', 'root-ld');
    const refused = await call(
      'get',
      { livingid: data.specials.promotionLivingid, page: 1, pageSize: 10 },
      root,
    );
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const exportRefused = await call('export', { livingid: data.specials.promotionLivingid }, root);
    expect(exportRefused.ok ? null : exportRefused.error.code).toBe('FORBIDDEN');
  });
});
