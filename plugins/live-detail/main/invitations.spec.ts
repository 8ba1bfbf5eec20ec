// Invitations by app message (R10.3) through the router, against the WeCom simulator over HTTP and a real
// SQLite file: batching, per-recipient answers, bad input, and no duplicate message on a lost answer.
import ExcelJS from 'exceljs';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { errcodeMessage } from '../../../sdk/wecom/errcode-messages.js';
import { SimClient, type DataSummary } from '../../../tests/wecom-sim/spec-client.js';
import { dataOf, sessionFor, waitFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type {
  InvitationRecipient,
  InvitationSummary,
  InviteDirectoryAnswer,
  InviteResolveAnswer,
  InviteStarted,
} from '../shared/invite-api.js';
import type { LiveDetailAnswer, LiveDetailExportResult } from '../shared/live-detail-api.js';

type Runtime = SimWorld['runtime'];

const LINK = 'https://live.example.com/l/quarterly';

describe('live-detail invitations (main side, simulator)', () => {
  let world: SimWorld;
  let client: SimClient;
  let data: DataSummary;
  let runtime: Runtime;
  let session: string;
  let keySeq = 0;

  beforeAll(async () => {
    world = await startSimWorld(
      'live-detail-invite',
      { seed: 33, lives: 10, viewers: 300, members: 3200 },
      // A short timeout, so a message whose answer is held back times out in the spec.
      { runtime: { wecomGateway: { timeoutMs: 2_000 } } },
    );
    ({ client, runtime } = world);
    data = await client.data();
    session = await sessionFor(runtime, 'user', 'inviter-1', world.corpId);
  });

  afterAll(() => stopSimWorld(world));

  afterEach(async () => {
    await client.admin('DELETE', 'faults');
  });

  const call = (channel: string, input: unknown): Promise<RpcResult> =>
    runtime.router.dispatch(`live-detail.${channel}`, input, session);

  const liveWith = (status: number): string => {
    const live = data.lives.find((l) => l.status === status);
    if (live === undefined) throw new Error(`no live with status ${status}`);
    return live.livingid;
  };

  async function open(livingid: string): Promise<LiveDetailAnswer> {
    return dataOf<LiveDetailAnswer>(await call('get', { livingid, refresh: true, page: 1, pageSize: 500 }));
  }

  async function finished(jobId: string | null): Promise<JobSnapshot> {
    return waitFor(async () => {
      const job = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
      return job.state === 'done' || job.state === 'failed' ? job : undefined;
    }, 60_000);
  }

  async function invite(livingid: string, userids: string[], extra: Record<string, unknown> = {}) {
    keySeq += 1;
    const started = dataOf<InviteStarted>(
      await call('invite', {
        livingid,
        userids,
        departmentIds: [],
        note: '请准时参加',
        link: LINK,
        idempotencyKey: `spec-key-${keySeq}-${Date.now()}`,
        ...extra,
      }),
    );
    expect((await finished(started.jobId)).state).toBe('done');
    return summary(livingid, started.invitationId);
  }

  async function summary(livingid: string, id: string): Promise<InvitationSummary> {
    const list = dataOf<InvitationSummary[]>(await call('invitations', { livingid }));
    const found = list.find((i) => i.id === id);
    if (found === undefined) throw new Error('invitation not listed');
    return found;
  }

  async function recipients(invitationId: string, states?: string[]): Promise<InvitationRecipient[]> {
    return dataOf<{ rows: InvitationRecipient[] }>(
      await call('invitationRecipients', {
        invitationId,
        page: 1,
        pageSize: 500,
        ...(states ? { states } : {}),
      }),
    ).rows;
  }

  const visible = () => data.members.filter((m) => !m.denied);
  const messagesOf = async (livingid: string) =>
    (await client.messages()).messages.filter((m) =>
      String((m.body.textcard as { description?: string } | undefined)?.description ?? '').includes(livingid),
    );

  it('lists departments and members, searched by name or userid', async () => {
    const member = visible()[5];
    const directory = dataOf<InviteDirectoryAnswer>(await call('inviteDirectory', { keyword: member?.name }));
    expect(directory.readable).toBeTrue();
    expect(directory.departments.map((d) => d.id)).toEqual([2, 3, 4, 5]);
    expect(directory.members.map((m) => m.userid)).toContain(member?.userid as string);
    const byId = dataOf<InviteDirectoryAnswer>(
      await call('inviteDirectory', { keyword: member?.userid.toUpperCase() }),
    );
    expect(byId.members.map((m) => m.userid)).toContain(member?.userid as string);
  });

  it('resolves a messy paste: case variants to the stored spelling, unknown and departed ids apart', async () => {
    const mixed = visible().find((m) => m.userid !== m.userid.toLowerCase());
    const answer = dataOf<InviteResolveAnswer>(
      await call('inviteResolve', { userids: [mixed?.userid.toLowerCase(), 'ghost-user', data.departed[0]] }),
    );
    expect(answer.known.map((m) => m.userid)).toEqual([mixed?.userid as string]);
    expect(answer.unknown).toEqual(['ghost-user', data.departed[0] as string]);
  });

  it('sends 2,500 pasted recipients in three batches, each exactly once; duplicates and case variants once', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const members = visible().slice(0, 2500);
    const messy = [
      ...members.map((m) => m.userid),
      ...members.slice(0, 40).map((m) => m.userid),
      ...members.slice(40, 80).map((m) => m.userid.toUpperCase()),
    ];
    const before = (await messagesOf(livingid)).length;
    const sent = await invite(livingid, messy);
    expect(sent.batches).toBe(3);
    expect(sent.counts).toEqual(jasmine.objectContaining({ total: 2500, sent: 2500, failed: 0, unknown: 0 }));
    const messages = (await messagesOf(livingid)).slice(before);
    expect(messages.length).toBe(3);
    expect(messages.map((m) => m.delivered.length).sort()).toEqual([1000, 1000, 500]);
    expect(messages.every((m) => m.body.enable_duplicate_check === 1)).toBeTrue();
    expect(messages.every((m) => m.body.duplicate_check_interval === 14400)).toBeTrue();
    // Nothing failed: a retry is refused and sends nothing.
    const retry = await call('inviteRetry', { invitationId: sent.id });
    expect(retry.ok).toBeFalse();
    expect((await messagesOf(livingid)).length).toBe(before + 3);
  });

  it('answers bad input in Chinese naming the field, and sends nothing', async () => {
    const open0 = liveWith(0);
    await open(open0);
    const before = (await client.messages()).messages.length;
    const attempt = (input: Record<string, unknown>) =>
      call('invite', {
        livingid: open0,
        userids: [visible()[0]?.userid],
        departmentIds: [],
        note: '',
        link: LINK,
        idempotencyKey: `bad-${Date.now()}-${Math.random()}`,
        ...input,
      });
    const expectRefused = (result: RpcResult, field: string, text: RegExp) => {
      expect(result.ok).toBeFalse();
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(text);
      expect(JSON.stringify(result.error.details ?? {})).toContain(field);
    };
    expectRefused(await attempt({ userids: [] }), 'recipients', /收件人为空/);
    expectRefused(
      await attempt({ userids: ['ghost-user', data.departed[1]] }),
      'userids',
      /不在企业通讯录.*ghost-user/,
    );
    expectRefused(await attempt({ note: '很'.repeat(101) }), 'note', /附言最多 100 个字/);
    expectRefused(await attempt({ link: 'live.example.com' }), 'link', /观看链接/);
    for (const [status, text] of [
      [2, /已结束/],
      [4, /已取消/],
    ] as const) {
      const closed = liveWith(status);
      await open(closed);
      expectRefused(await attempt({ livingid: closed }), 'livingid', text);
    }
    expect((await client.messages()).messages.length).toBe(before);
  });

  it('keeps a batch whose answer times out as unknown, never resends it blindly; retry lets WeCom drop the duplicate', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const members = visible().slice(100, 1300);
    await client.admin('POST', 'faults', {
      api: 'message/send',
      afterProcessing: true,
      answerDelayMs: 4_000,
    });
    const before = await client.messages();
    const first = await invite(
      livingid,
      members.map((m) => m.userid),
      { note: '超时测试' },
    );
    expect(first.counts).toEqual(jasmine.objectContaining({ total: 1200, unknown: 1000, sent: 200 }));
    const unknown = await recipients(first.id, ['unknown']);
    expect(unknown[0]?.reason).toContain('可能已送达');
    // Both messages were delivered once; the job did not send the unknown batch again.
    let after = await client.messages();
    expect(after.messages.length).toBe(before.messages.length + 2);

    const retried = dataOf<InviteStarted & { recipients: number }>(
      await call('inviteRetry', { invitationId: first.id }),
    );
    expect(retried.recipients).toBe(1000);
    expect((await finished(retried.jobId)).state).toBe('done');
    after = await client.messages();
    expect(after.messages.length).toBe(before.messages.length + 2);
    expect(after.duplicatesSuppressed).toBe(before.duplicatesSuppressed + 1);
    expect(after.delivered).toBe(before.delivered + 1200);
    const done = await summary(livingid, first.id);
    expect(done.counts).toEqual(jasmine.objectContaining({ total: 1200, sent: 1200, unknown: 0 }));
  });

  it('records a refused batch with the Chinese errcode message and retries only it', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const members = visible().slice(1300, 2400);
    await client.admin('POST', 'faults', { api: 'message/send', errcode: 48002, times: 1 });
    const before = (await client.messages()).messages.length;
    const first = await invite(
      livingid,
      members.map((m) => m.userid),
      { note: '拒绝测试' },
    );
    expect(first.counts).toEqual(jasmine.objectContaining({ total: 1100, failed: 1000, sent: 100 }));
    const failed = await recipients(first.id, ['failed']);
    expect(failed[0]?.errcode).toBe(48002);
    expect(failed[0]?.reason).toContain(errcodeMessage(48002));
    expect((await client.messages()).messages.length).toBe(before + 1);

    const retried = dataOf<InviteStarted>(await call('inviteRetry', { invitationId: first.id }));
    expect((await finished(retried.jobId)).state).toBe('done');
    const messages = (await client.messages()).messages.slice(before);
    expect(messages.length).toBe(2);
    expect(messages[1]?.delivered.length).toBe(1000);
    expect((await summary(livingid, first.id)).counts.sent).toBe(1100);
  });

  it('records invaliduser per recipient for a member who left after the directory was read', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const [stays, leaves] = visible().slice(2600, 2602);
    await call('inviteDirectory', {});
    await client.admin('POST', 'members/depart', { userid: leaves?.userid });
    const sent = await invite(livingid, [stays?.userid as string, leaves?.userid as string]);
    expect(sent.counts).toEqual(jasmine.objectContaining({ total: 2, sent: 1, invalid: 1 }));
    const invalid = await recipients(sent.id, ['invalid']);
    expect(invalid.map((r) => r.userid)).toEqual([leaves?.userid as string]);
    expect(invalid[0]?.reason).toContain('invaliduser');
  });

  it("resends a batch the app was stopped in only through WeCom's duplicate check", async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const sent = await invite(
      livingid,
      visible()
        .slice(2700, 2703)
        .map((m) => m.userid),
      { note: '中断测试' },
    );
    expect(sent.counts.sent).toBe(3);
    // As if the app had stopped while the message was on its way: the batch still "sending".
    await runtime
      .db('live_detail_invitation_batches')
      .where({ invitation_id: sent.id })
      .update({ state: 'sending' });
    await runtime
      .db('live_detail_invitation_recipients')
      .where({ invitation_id: sent.id })
      .update({ state: 'pending' });
    await runtime
      .db('live_detail_invitations')
      .where({ id: sent.id })
      .update({ job_id: 'lost-job', finished_at: null });
    const listed = await summary(livingid, sent.id);
    expect(listed.jobId).toBeNull();
    const before = await client.messages();
    const retried = dataOf<InviteStarted>(await call('inviteRetry', { invitationId: sent.id }));
    expect((await finished(retried.jobId)).state).toBe('done');
    const after = await client.messages();
    expect(after.messages.length).toBe(before.messages.length);
    expect(after.duplicatesSuppressed).toBe(before.duplicatesSuppressed + 1);
    expect((await summary(livingid, sent.id)).counts.sent).toBe(3);
  });

  it('sends a department as its members, each recorded, together with picked members once', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    // Read afresh: another spec may have let a member leave.
    const directory = dataOf<InviteDirectoryAnswer>(
      await call('inviteDirectory', { departmentId: 5, keyword: '', refresh: true }),
    );
    const size = directory.total;
    // Among the first members: the one another spec lets leave is further down the list.
    const outside = visible()
      .slice(0, 50)
      .find((m) => !m.department.includes(5));
    const before = (await client.messages()).messages.length;
    const sent = await invite(
      livingid,
      [outside?.userid as string, directory.members[0]?.userid.toLowerCase() as string],
      { departmentIds: [5], note: '部门测试' },
    );
    expect(sent.departmentIds).toEqual([5]);
    expect(sent.counts.total).toBe(size + 1);
    expect(sent.counts.sent).toBe(size + 1);
    const messages = (await client.messages()).messages.slice(before);
    expect(messages.every((m) => m.body.toparty === undefined)).toBeTrue();
    expect(messages.reduce((sum, m) => sum + m.delivered.length, 0)).toBe(size + 1);
  });

  it('lets the clean-up drop invitations older than the chosen day with their batches and recipients', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const old = await invite(livingid, [visible()[2710]?.userid as string], { note: '旧的邀请' });
    const day = 24 * 60 * 60 * 1000;
    await runtime
      .db('live_detail_invitations')
      .where({ id: old.id })
      .update({ created_at: Date.now() - 400 * day });
    const root = await sessionFor(runtime, 'root-admin', 'root-cleanup');
    const before = new Date(Date.now() - 300 * day).toISOString().slice(0, 10);
    const preview = dataOf<{ items: Array<{ id: string; count: number }> }>(
      await runtime.router.dispatch('config.cleanupPreview', { before }, root),
    );
    expect(preview.items.find((item) => item.id === 'live-detail.invitations')?.count).toBe(1);
    dataOf(await runtime.router.dispatch('config.cleanup', { before }, root));
    expect(await runtime.db('live_detail_invitations').where({ id: old.id }).first()).toBeUndefined();
    expect(
      await runtime.db('live_detail_invitation_batches').where({ invitation_id: old.id }).first(),
    ).toBeUndefined();
    expect(
      await runtime.db('live_detail_invitation_recipients').where({ invitation_id: old.id }).first(),
    ).toBeUndefined();
  });

  it('answers the same invitation for a repeated key', async () => {
    const livingid = liveWith(0);
    await open(livingid);
    const input = {
      livingid,
      userids: [visible()[2500]?.userid],
      departmentIds: [],
      note: '',
      link: LINK,
      idempotencyKey: `same-${Date.now()}`,
    };
    const first = dataOf<InviteStarted>(await call('invite', input));
    await finished(first.jobId);
    const second = dataOf<InviteStarted>(await call('invite', input));
    expect(second.invitationId).toBe(first.invitationId);
    expect(second.replayed).toBeTrue();
  });

  it('shows per viewer whether they were invited by message, on the page and in the export', async () => {
    const livingid = liveWith(1);
    const detail = await open(livingid);
    const members = detail.viewers.rows.filter((v) => v.kind === 'internal');
    expect(members.length).toBeGreaterThanOrEqual(2);
    // The two shortest-watching members the directory has (the simulator's viewers include departed
    // ones): far from page 1 in the default order.
    const inDirectory = new Set(visible().map((user) => user.userid.toLowerCase()));
    const [a, b] = members.filter((v) => inDirectory.has(v.viewerId.toLowerCase())).slice(-2);
    const sent = await invite(livingid, [a?.viewerId as string, (b?.viewerId as string).toUpperCase()]);
    expect(sent.counts.sent).toBe(2);
    const after = await open(livingid);
    const invites = after.messageInvites ?? {};
    expect(Object.keys(invites).sort()).toEqual([a?.viewerId, b?.viewerId].sort() as string[]);
    // Sorted by 消息邀请 the two invited members lead page 1 whatever their watch times: the order
    // covers every page, not the one on screen.
    const firstPage = async (direction: 'asc' | 'desc'): Promise<LiveDetailAnswer> =>
      dataOf<LiveDetailAnswer>(
        await call('get', { livingid, sort: { column: 'messageInvite', direction }, page: 1, pageSize: 2 }),
      );
    const invited = [a?.viewerId, b?.viewerId].sort() as string[];
    const descending = await firstPage('desc');
    expect(descending.viewers.rows.map((v) => v.viewerId).sort()).toEqual(invited);
    expect(Object.keys(descending.messageInvites ?? {}).length).toBe(2);
    // The uninvited come last either way.
    expect((await firstPage('asc')).viewers.rows.map((v) => v.viewerId).sort()).toEqual(invited);
    const byDefault = dataOf<LiveDetailAnswer>(await call('get', { livingid, page: 1, pageSize: 2 }));
    expect(byDefault.viewers.rows.map((v) => v.viewerId).sort()).not.toEqual(invited);
    const refused = await call('get', { livingid, sort: { column: 'views', direction: 'desc' } });
    expect(refused.ok ? '' : refused.error.message).toContain('无法按该列排序');

    const { jobId } = dataOf<{ jobId: string }>(await call('export', { livingid }));
    const job = await finished(jobId);
    const result = job.result as LiveDetailExportResult;
    const stored = await runtime.files.get(result.fileId, await runtime.sessions.resolve(session));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stored.path);
    const sheet = workbook.getWorksheet('观众明细');
    const view = sheet?.views[0] as { ySplit?: number } | undefined;
    const headerRow = view?.ySplit ?? 1;
    const header = (sheet?.getRow(headerRow).values as unknown[]).slice(1).map(String);
    const column = header.indexOf('消息邀请') + 1;
    const idColumn = header.indexOf('userid / external_userid') + 1;
    expect(column).toBeGreaterThan(0);
    const byId = new Map<string, unknown>();
    sheet?.eachRow((row, index) => {
      if (index > headerRow) byId.set(String(row.getCell(idColumn).value), row.getCell(column).value);
    });
    expect(byId.get(a?.viewerId as string)).toBeInstanceOf(Date);
    expect(byId.get(b?.viewerId as string)).toBeInstanceOf(Date);
    const other = after.viewers.rows.find((v) => !(v.viewerId in invites));
    expect(byId.get(other?.viewerId as string)).toBe('否');
  });
});
