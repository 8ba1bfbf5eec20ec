// The live-create plugin's main side through the router, against the WeCom simulator over HTTP.
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
import { dataOf, sessionFor, waitFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type { CreatedLiveAnswer, LiveWithPulls } from '../shared/live-create-api.js';

type Runtime = SimWorld['runtime'];

interface JobRow {
  id: string;
  kind: string;
  state: string;
  run_at: number;
  dedupe_key: string;
  corp_id: string;
  result: string | null;
}

interface SimLiveView {
  livingid: string;
  theme: string;
  reserve_start: number;
  anchor_userid: string;
}

describe('live-create plugin (main side, simulator)', () => {
  let world: SimWorld;
  let client: SimClient;
  let runtime: Runtime;
  let corpId: string;
  let session: string;
  let anchor: string;
  let simNow: number;
  let counter = 0;

  beforeAll(async () => {
    // A WeCom login saves the simulator's corp app, as a user would on the login page.
    world = await startSimWorld('live-create', { seed: 7, lives: 6, viewers: 60, members: 8 });
    ({ client, runtime, corpId } = world);
    session = await sessionFor(runtime, 'user', 'creator-1', corpId);
  });

  afterAll(() => stopSimWorld(world));

  beforeEach(async () => {
    // No reset between specs: the simulator would hand out the same livingids again.
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'counters/reset', {});
    simNow = Math.floor(Date.now() / 1000);
    await client.admin('POST', 'clock', { now: simNow });
    anchor = (await client.data()).specials.mainAnchorUserid;
  });

  function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    counter += 1;
    return {
      anchor_userid: anchor,
      anchor_name: '王主播',
      theme: `产品培训${counter}`,
      living_start: Math.floor(Date.now() / 1000) + 3 * 3600 + counter,
      living_duration: 3600,
      type: 3,
      description: '新品培训',
      ...overrides,
    };
  }

  const call = (channel: string, body: unknown, as = session): Promise<RpcResult> =>
    runtime.router.dispatch(`live-create.${channel}`, body, as);

  async function simLivesLike(body: Record<string, unknown>): Promise<SimLiveView[]> {
    const data = (await client.admin('GET', 'data')) as { lives: Array<{ livingid: string }> };
    const lives = await Promise.all(
      data.lives.map((live) => client.admin<SimLiveView>('GET', `lives/${live.livingid}`)),
    );
    return lives.filter(
      (live) => live.theme === body['theme'] && live.reserve_start === body['living_start'],
    );
  }

  async function pullJobs(livingid: string): Promise<JobRow[]> {
    return (await runtime
      .db('jobs')
      .where('kind', 'live-create.pull')
      .andWhere('dedupe_key', 'like', `%:${livingid}:%`)
      .orderBy('run_at')) as JobRow[];
  }

  /** Makes the queued pull of a stage due now and waits until the scheduler has run it. */
  async function runPull(livingid: string, stage: string): Promise<JobRow> {
    const key = `live-create.pull:${corpId}:${livingid}:${stage}`;
    const queued = (await runtime.db('jobs').where({ dedupe_key: key, state: 'queued' }).first()) as JobRow;
    expect(queued).withContext(`queued ${stage} pull`).toBeDefined();
    await runtime.db('jobs').where({ id: queued.id }).update({ run_at: 0 });
    return waitFor(async () => {
      const row = (await runtime.db('jobs').where({ id: queued.id }).first()) as JobRow;
      return ['done', 'failed'].includes(row.state) ? row : undefined;
    }, 20_000);
  }

  it('creates the live in WeCom, stores it as ours and schedules the three detail pulls', async () => {
    const body = input();
    const answer = dataOf<CreatedLiveAnswer>(await call('create', body));
    expect(answer.replayed).toBeFalse();
    expect((await simLivesLike(body)).map((live) => live.livingid)).toEqual([answer.livingid]);
    const stored = (await runtime
      .db('lives')
      .where({ corp_id: corpId, livingid: answer.livingid })
      .first()) as Record<string, unknown>;
    expect(stored).toEqual(
      jasmine.objectContaining({
        theme: body['theme'],
        anchor_userid: anchor,
        anchor_name: '王主播',
        reserve_start: body['living_start'],
        reserve_duration: 3600,
        type: 3,
        status: 0,
        creator_userid: 'creator-1',
      }),
    );
    expect(Boolean(stored['created_by_us'])).toBeTrue();
    const start = body['living_start'] as number;
    const jobs = await pullJobs(answer.livingid);
    expect(
      jobs.map((job) => [job.dedupe_key.split(':').at(-1), Number(job.run_at), job.state, job.corp_id]),
    ).toEqual([
      ['after-create', answer.live.createdAt + 600_000, 'queued', corpId],
      ['after-start', (start + 300) * 1000, 'queued', corpId],
      ['after-end', (start + 3600 + 600) * 1000, 'queued', corpId],
    ]);
    expect(answer.pulls.map((pull) => pull.runAt)).toEqual(jobs.map((job) => Number(job.run_at)));
  });

  it('resolves a create answered -1 after WeCom made it: exactly one live', async () => {
    await client.admin('POST', 'faults', {
      api: 'living/create',
      errcode: -1,
      afterProcessing: true,
      times: 1,
    });
    const body = input();
    const answer = dataOf<CreatedLiveAnswer>(await call('create', body));
    expect(answer.reconciled).toBeTrue();
    expect((await simLivesLike(body)).map((live) => live.livingid)).toEqual([answer.livingid]);
    expect((await client.counters()).calls['living/create']).toBe(1);
    expect((await runtime.db('lives').where({ livingid: answer.livingid })).length).toBe(1);
  });

  it('answers the same live for a repeated idempotency key, with one create call', async () => {
    const body = input({ idempotencyKey: 'key-double-click-1' });
    const [first, second] = await Promise.all([call('create', body), call('create', body)]);
    const third = await call('create', body);
    const ids = [first, second, third].map((result) => dataOf<CreatedLiveAnswer>(result).livingid);
    expect(new Set(ids).size).toBe(1);
    expect(dataOf<CreatedLiveAnswer>(third).replayed).toBeTrue();
    expect((await client.counters()).calls['living/create']).toBe(1);
    expect((await simLivesLike(body)).length).toBe(1);
    const reused = await call('create', { ...body, theme: '另一场' });
    expect(reused.ok ? null : reused.error.code).toBe('CONFLICT');
  });

  it('refuses a past start, a description on an activity live and a long theme without calling WeCom', async () => {
    const past = await call('create', input({ living_start: Math.floor(Date.now() / 1000) - 10 }));
    expect(past.ok ? null : [past.error.code, past.error.details?.['field']]).toEqual([
      'INVALID_INPUT',
      'living_start',
    ]);
    const activity = await call('create', input({ type: 4, description: '简介' }));
    expect(activity.ok ? null : [activity.error.code, activity.error.details?.['field']]).toEqual([
      'INVALID_INPUT',
      'description',
    ]);
    const longTheme = await call('create', input({ theme: '一二三四五六七八九十一二三四五六七八九十一' }));
    expect(longTheme.ok ? null : longTheme.error.details?.['field']).toBe('theme');
    expect((await client.counters()).calls['living/create'] ?? 0).toBe(0);
    const activityOk = dataOf<CreatedLiveAnswer>(await call('create', input({ type: 4, description: '' })));
    expect(activityOk.live.type).toBe(4);
  });

  it('shows a WeCom refusal with its errcode', async () => {
    const refused = await call('create', input({ anchor_userid: 'nobody-here' }));
    expect(refused.ok ? null : [refused.error.code, refused.error.details?.['errcode']]).toEqual([
      'WECOM_ERROR',
      60111,
    ]);
  });

  it('modifies a reserved live and moves its pulls, and refuses once it has started', async () => {
    const body = input({ living_start: simNow + 2 * 3600 });
    const { livingid } = dataOf<CreatedLiveAnswer>(await call('create', body));
    const newStart = simNow + 5 * 3600;
    const modified = dataOf<LiveWithPulls>(
      await call('modify', {
        livingid,
        theme: '改期后的培训',
        living_start: newStart,
        living_duration: 1800,
      }),
    );
    expect(modified.live.reserveStart).toBe(newStart);
    expect(modified.live.theme).toBe('改期后的培训');
    const simLive = await client.admin<SimLiveView>('GET', `lives/${livingid}`);
    expect([simLive.theme, simLive.reserve_start]).toEqual(['改期后的培训', newStart]);
    const jobs = await pullJobs(livingid);
    expect(jobs.map((job) => Number(job.run_at)).slice(1)).toEqual([
      (newStart + 300) * 1000,
      (newStart + 1800 + 600) * 1000,
    ]);
    expect(jobs.length).toBe(3);

    await client.admin('POST', 'clock', { now: newStart + 60 });
    const late = await call('modify', { livingid, theme: '太迟了' });
    expect(late.ok ? null : late.error.code).toBe('CONFLICT');
    expect(late.ok ? null : late.error.message).toBe(
      '直播「改期后的培训」当前状态为「直播中」，只有未开始的预约直播可以修改。' +
        '已开始的直播不能再改时间或主题；如需另行安排，请创建一场新的预约直播。',
    );
    expect(late.ok ? null : late.error.details?.['field']).toBe('livingid');
    const other = await sessionFor(runtime, 'user', 'someone-else', corpId);
    const foreign = await call('modify', { livingid, theme: '别人的' }, other);
    expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
  });

  it('pulls the details on schedule: info after creation, viewers after the end', async () => {
    const body = input({ living_start: simNow + 3600, living_duration: 1200 });
    const { livingid } = dataOf<CreatedLiveAnswer>(await call('create', body));
    const first = await runPull(livingid, 'after-create');
    expect(first.state).toBe('done');
    const afterCreate = dataOf<LiveWithPulls>(await call('get', { livingid })).live;
    expect(afterCreate.lastSyncedAt).not.toBeNull();
    expect(afterCreate.status).toBe(0);

    // Live now: the final pull finds it not over and looks again later.
    await client.admin('POST', 'clock', { now: simNow + 3600 + 600 });
    const whileLive = await runPull(livingid, 'after-end');
    expect(JSON.parse(whileLive.result ?? '{}')).toEqual(
      jasmine.objectContaining({ status: 1, rescheduled: true }),
    );
    const live = dataOf<LiveWithPulls>(await call('get', { livingid })).live;
    expect(live.actualStart).toBe(simNow + 3600);
    expect(live.peakOnline).toBeGreaterThan(0);

    await client.admin('POST', 'clock', { now: simNow + 3600 + 1200 + 60 });
    const ended = await runPull(livingid, 'after-end');
    expect(JSON.parse(ended.result ?? '{}')).toEqual(
      jasmine.objectContaining({ status: 2, rescheduled: false }),
    );
    const simLive = (await client.admin('GET', `lives/${livingid}`)) as { viewers: unknown[] };
    const final: LiveRecord = dataOf<LiveWithPulls>(await call('get', { livingid })).live;
    expect(final.status).toBe(2);
    expect(final.actualDuration).toBe(1200);
    expect(final.reserveDuration).toBe(1200);
    const viewers = await runtime.db('live_viewers').count({ n: '*' }).first();
    expect(Number((viewers as { n: number }).n)).toBe(simLive.viewers.length);
    expect(simLive.viewers.length).toBeGreaterThan(0);
  });

  it('lists the caller’s own recent lives and refuses sessions without a corp', async () => {
    const mine = dataOf<CreatedLiveAnswer>(await call('create', input()));
    const other = await sessionFor(runtime, 'user', 'colleague', corpId);
    dataOf<CreatedLiveAnswer>(await call('create', input(), other));
    const recent = dataOf<{ rows: LiveWithPulls[]; total: number }>(await call('recent', { limit: 50 }));
    expect(recent.rows[0]?.live.livingid).toBe(mine.livingid);
    expect(recent.rows.every((row) => row.live.creatorUserid === 'creator-1')).toBeTrue();
    const root = await sessionFor(runtime, 'root-admin', 'root-lc');
    const refused = await call('recent', {}, root);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
  it('lets the clean-up drop old double-submit keys and keep recent ones', async () => {
    const root = await sessionFor(runtime, 'root-admin', 'root-cleanup');
    const day = 24 * 60 * 60 * 1000;
    const row = (key: string, createdAt: number) => ({
      corp_id: corpId,
      userid: 'creator-1',
      idempotency_key: key,
      request_hash: 'h',
      livingid: null,
      created_at: createdAt,
    });
    await runtime
      .db('live_create_requests')
      .insert([row('old-key', Date.now() - 30 * day), row('new-key', Date.now())]);
    const before = new Date(Date.now() - 10 * day).toISOString().slice(0, 10);
    const preview = dataOf<{ items: Array<{ id: string; count: number }> }>(
      await runtime.router.dispatch('config.cleanupPreview', { before }, root),
    );
    expect(preview.items.find((item) => item.id === 'live-create.requests')?.count).toBe(1);
    dataOf(await runtime.router.dispatch('config.cleanup', { before }, root));
    const keys = (await runtime.db('live_create_requests').pluck('idempotency_key')) as string[];
    expect(keys).toContain('new-key');
    expect(keys).not.toContain('old-key');
  });
});
