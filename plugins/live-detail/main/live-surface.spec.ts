// The detail page's replay deletion, WeChat viewing code and share-code lookup (R10.1), through the
// router against the WeCom simulator over HTTP.
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { SimClient, type DataSummary } from '../../../tests/wecom-sim/spec-client.js';
import { dataOf, sessionFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type { DeleteReplayAnswer, LivingCodeAnswer, ShareInfoAnswer } from '../shared/live-surface-api.js';

type Runtime = SimWorld['runtime'];

interface SimLiveView {
  livingid: string;
  theme: string;
  status: number;
  open_replay: number;
  replay_status: number;
}

interface AuditRow {
  action: string;
  target: string;
  ok: number | boolean;
  actor_userid: string;
}

describe('live-detail: replay deletion, viewing code and share info', () => {
  let world: SimWorld;
  let client: SimClient;
  let runtime: Runtime;
  let admin: string;
  let member: string;
  let data: DataSummary;

  beforeAll(async () => {
    world = await startSimWorld(
      'live-surface',
      { seed: 21, lives: 30, viewers: 200, members: 10 },
      { corpname: '回放企业' },
    );
    ({ client, runtime } = world);
    const corpId = world.corpId;
    admin = await sessionFor(runtime, 'wecom-admin', 'replay-admin', corpId);
    member = await sessionFor(runtime, 'user', 'replay-member', corpId);
    data = await client.data();
  });

  afterAll(() => stopSimWorld(world));

  beforeEach(async () => {
    await client.admin('DELETE', 'faults');
  });

  const call = (channel: string, body: unknown, as: string): Promise<RpcResult> =>
    runtime.router.dispatch(`live-detail.${channel}`, body, as);

  /** Pulls the live into the local store, as a visit of its detail page does. */
  async function visit(livingid: string): Promise<void> {
    dataOf(await call('get', { livingid, refresh: true, page: 1, pageSize: 20 }, member));
  }

  async function simLives(): Promise<SimLiveView[]> {
    return Promise.all(data.lives.map((live) => client.admin<SimLiveView>('GET', `lives/${live.livingid}`)));
  }

  async function endedWithReplay(): Promise<SimLiveView> {
    const lives = await simLives();
    const taken = new Set(
      ((await runtime.db('audit_log').where({ action: 'live-detail.deleteReplay' })) as AuditRow[]).map(
        (row) => row.target,
      ),
    );
    const live = lives.find(
      (candidate) =>
        candidate.status === 2 &&
        candidate.open_replay === 1 &&
        candidate.replay_status === 0 &&
        ![...taken].some((target) => target.includes(candidate.livingid)),
    );
    if (live === undefined) throw new Error('the simulator has no ended live with a replay left');
    return live;
  }

  function failure(result: RpcResult): { code: string; message: string; details: Record<string, unknown> } {
    if (result.ok) throw new Error('expected a failure');
    return { code: result.error.code, message: result.error.message, details: result.error.details ?? {} };
  }

  async function audits(livingid: string): Promise<AuditRow[]> {
    return (await runtime
      .db('audit_log')
      .where({ action: 'live-detail.deleteReplay' })
      .andWhere('target', 'like', `%${livingid}%`)
      .orderBy('id')) as AuditRow[];
  }

  it('lets a WeCom admin delete an ended live’s replay, audited; a second time names the live and says why', async () => {
    const live = await endedWithReplay();
    await visit(live.livingid);
    const answer = dataOf<DeleteReplayAnswer>(await call('deleteReplay', { livingid: live.livingid }, admin));
    expect(answer.theme).toBe(live.theme);
    expect(answer.replayStatus).toBe(2);
    expect((await client.admin<SimLiveView>('GET', `lives/${live.livingid}`)).replay_status).toBe(2);
    const again = failure(await call('deleteReplay', { livingid: live.livingid }, admin));
    expect(again.code).toBe('INVALID_INPUT');
    expect(again.message).toBe(`「${live.theme}」没有可删除的回放：回放已被删除。`);
    const rows = await audits(live.livingid);
    expect(rows.map((row) => [Boolean(row.ok), row.actor_userid])).toEqual([
      [true, 'replay-admin'],
      [false, 'replay-admin'],
    ]);
    expect(rows[0]?.target).toBe(`${live.theme}（${live.livingid}）`);
  });

  it('refuses a member: deleting a replay is for WeCom admins', async () => {
    const live = await endedWithReplay();
    await visit(live.livingid);
    expect(failure(await call('deleteReplay', { livingid: live.livingid }, member)).code).toBe('FORBIDDEN');
    expect((await client.admin<SimLiveView>('GET', `lives/${live.livingid}`)).replay_status).toBe(0);
  });

  it('says a live that has not ended has no replay, without calling delete_replay_data', async () => {
    const reserved = data.specials.reservedLivingid;
    await visit(reserved);
    await client.admin('POST', 'counters/reset', {});
    const error = failure(await call('deleteReplay', { livingid: reserved }, admin));
    expect(error.message).toContain('没有可删除的回放：直播尚未结束');
    expect(error.details['field']).toBe('livingid');
    expect((await client.counters()).calls['living/delete_replay_data'] ?? 0).toBe(0);
  });

  it('turns WeCom’s 40058 on delete into the Chinese “no replay” message', async () => {
    const live = await endedWithReplay();
    await visit(live.livingid);
    await client.admin('POST', 'faults', { api: 'living/delete_replay_data', errcode: 40058, times: 1 });
    const error = failure(await call('deleteReplay', { livingid: live.livingid }, admin));
    expect(error.message).toBe(`「${live.theme}」没有可删除的回放：企业微信说回放不存在或已删除。`);
  });

  it('answers NOT_FOUND for a live that is not stored locally', async () => {
    expect(failure(await call('deleteReplay', { livingid: 'lv-nowhere' }, admin)).code).toBe('NOT_FOUND');
  });

  it('gets a WeChat viewing code for an openid with its QR image, valid five minutes', async () => {
    const livingid = data.specials.bigLivingid;
    await visit(livingid);
    const answer = dataOf<LivingCodeAnswer>(
      await call('livingCode', { livingid, openid: 'oWx_viewer-1' }, member),
    );
    expect(answer.livingCode.length).toBeGreaterThan(10);
    const png = Buffer.from(answer.qrDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Date.parse(answer.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    const bad = failure(await call('livingCode', { livingid, openid: 'not an openid' }, member));
    expect(bad.details['field']).toBe('openid');
    expect(bad.message).toContain('openid 只能包含字母、数字');
  });

  it('names the viewer of a shared link and who shared it', async () => {
    const livingid = data.specials.promotionLivingid;
    await visit(livingid);
    const answer = dataOf<ShareInfoAnswer>(
      await call('shareInfo', { livingid, shareCode: data.specials.shareCode }, member),
    );
    expect(answer.viewer).toEqual(
      jasmine.objectContaining({ kind: 'external', id: data.specials.anchorInvitedViewer }),
    );
    expect(answer.viewer?.name).not.toBe('');
    const anchor = data.members.find((m) => m.userid === data.specials.mainAnchorUserid);
    expect(answer.invitor).toEqual({
      kind: 'internal',
      id: data.specials.mainAnchorUserid,
      name: anchor?.name ?? '?',
    });
  });

  it('names an external sharer from the live’s own viewers (a viewer who shared with another)', async () => {
    const livingid = data.specials.promotionLivingid;
    await visit(livingid);
    const { shareCodes } = await client.admin<{
      shareCodes: Array<{ code: string; viewer_external_userid?: string; invitor_external_userid?: string }>;
    }>('GET', 'data');
    const shared = shareCodes.find((share) => share.invitor_external_userid === data.specials.viewerInviter);
    if (shared === undefined) throw new Error('the simulator has no viewer-to-viewer share code');
    const answer = dataOf<ShareInfoAnswer>(
      await call('shareInfo', { livingid, shareCode: shared.code }, member),
    );
    const viewers = dataOf<{ viewers: { rows: Array<{ viewerId: string; name: string }> } }>(
      await call('get', { livingid, keyword: data.specials.viewerInviter, page: 1, pageSize: 20 }, member),
    );
    const inviterName = viewers.viewers.rows.find(
      (row) => row.viewerId === data.specials.viewerInviter,
    )?.name;
    expect(answer.viewer?.id).toBe(data.specials.viewerInvitedViewer);
    expect(answer.invitor).toEqual({
      kind: 'external',
      id: data.specials.viewerInviter,
      name: inviterName ?? '?',
    });
  });

  it('refuses a share code of another live and an unknown one, naming the field', async () => {
    const other = data.specials.bigLivingid;
    await visit(other);
    const wrong = failure(
      await call('shareInfo', { livingid: other, shareCode: data.specials.shareCode }, member),
    );
    expect(wrong.message).toContain(`这个分享码属于另一场直播（${data.specials.promotionLivingid}）`);
    const unknown = failure(await call('shareInfo', { livingid: other, shareCode: 'nope' }, member));
    expect(unknown.details['field']).toBe('shareCode');
    expect(unknown.message).toContain('分享码无效或已过期');
  });
});
