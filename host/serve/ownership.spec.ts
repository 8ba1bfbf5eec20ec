// Jobs, files and events belong to an account, (corp, userid), not to a bare userid: over HTTP, as a
// browser uses them (docs/threat-model.md).
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import type { JobSnapshot } from '../../sdk/contracts/jobs.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { openEvents, type OpenStream } from '../../tests/support/event-stream.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
} from '../../tests/support/runtime-harness.js';
import type { ServeProcess } from '../../tests/support/serve-process.js';
import { CorpStore } from '../runtime/accounts/corp-store.js';
import type { HostRuntime } from '../runtime/core/host-runtime.js';
import { startServer, type RunningServer } from './server.js';

describe('ownership of jobs, files and events over HTTP', () => {
  let dataDir: string;
  let uiDir: string;
  let runtime: HostRuntime;
  let server: RunningServer;
  let base: string;
  // user001 of corp A and user001 of corp B: two people.
  let userA: string;
  let userB: string;
  let adminA: string;
  let adminB: string;
  let root: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ownership');
    uiDir = tempDataDir('ownership-ui');
    runtime = await startRuntime(dataDir);
    server = await startServer({ runtime, port: 0, uiDir, heartbeatMs: 1000 });
    base = `http://127.0.0.1:${server.port}`;
    const corps = runtime.container.resolve(CorpStore);
    const secret = 'TestSecret_0123456789abcdef';
    const corpA = await corps.save(
      { corpname: '甲公司', corpid: 'wwownerA01', corpsecret: secret, agentid: 1000002 },
      'A',
    );
    const corpB = await corps.save(
      { corpname: '乙公司', corpid: 'wwownerB01', corpsecret: secret, agentid: 1000002 },
      'B',
    );
    userA = await sessionFor(runtime, 'user', 'user001', corpA.corpId);
    userB = await sessionFor(runtime, 'user', 'user001', corpB.corpId);
    adminA = await sessionFor(runtime, 'wecom-admin', 'boss-a', corpA.corpId);
    adminB = await sessionFor(runtime, 'wecom-admin', 'boss-b', corpB.corpId);
    dataOf(await call('auth.setupRoot', { password: 'Kettle-Harbor-42' }));
    root = dataOf<LoginResult>(
      await call('auth.login', { kind: 'root', password: 'Kettle-Harbor-42' }),
    ).session;
  });

  afterAll(async () => {
    await server.close();
    await runtime.stop();
    removeDir(dataDir);
    removeDir(uiDir);
  });

  async function call(channel: string, input: unknown = {}, session?: string): Promise<RpcResult> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${server.token}`,
      'content-type': 'application/json',
    };
    if (session !== undefined) headers['x-session'] = session;
    const response = await fetch(`${base}/rpc/${channel}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input),
    });
    return (await response.json()) as RpcResult;
  }

  const codeOf = (result: RpcResult): string => (result.ok ? 'ok' : result.error.code);

  async function upload(session: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), '名单.csv');
    const response = await fetch(`${base}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'x-session': session },
      body: form,
    });
    const body = (await response.json()) as RpcResult<{ fileId: string }>;
    return dataOf<{ fileId: string }>(body).fileId;
  }

  async function stream(session: string): Promise<OpenStream> {
    const response = await fetch(`${base}/events/ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'x-session': session },
    });
    const { ticket } = dataOf<{ ticket: string }>((await response.json()) as RpcResult);
    const events = await openEvents({ base } as ServeProcess, ticket);
    await events.waitForText(': connected');
    return events;
  }

  it("keeps corp A's user001 job from corp B's user001, but lets corp A's admin see it", async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await call('notes.startCount', { total: 1000, stepMs: 20 }, userA),
    );
    expect(codeOf(await call('jobs.get', { jobId }, userB))).toBe('NOT_FOUND');
    expect(codeOf(await call('jobs.cancel', { jobId }, userB))).toBe('NOT_FOUND');
    expect(codeOf(await call('jobs.get', { jobId }, adminB))).toBe('NOT_FOUND');
    expect(codeOf(await call('jobs.get', { jobId }, root))).toBe('NOT_FOUND');
    expect(dataOf<JobSnapshot>(await call('jobs.get', { jobId }, adminA)).jobId).toBe(jobId);
    const cancelled = dataOf<JobSnapshot>(await call('jobs.cancel', { jobId }, userA));
    expect(cancelled.state).toBe('cancelled');
  });

  it("keeps corp A's user001 upload from corp B's user001 and from the other corp's admin", async () => {
    const fileId = await upload(userA);
    expect(codeOf(await call('files.downloadTicket', { fileId }, userB))).toBe('NOT_FOUND');
    expect(codeOf(await call('files.downloadTicket', { fileId }, adminB))).toBe('NOT_FOUND');
    expect(codeOf(await call('files.downloadTicket', { fileId }, adminA))).toBe('ok');
    const { url } = dataOf<{ url: string }>(await call('files.downloadTicket', { fileId }, userA));
    const download = await fetch(`${base}${url}`);
    expect(download.status).toBe(200);
    await download.arrayBuffer();
  });

  it("does not give root's audit export to a corp account whose userid reads root-admin", async () => {
    const { fileId } = dataOf<{ fileId: string }>(await call('audit.export', {}, root));
    // Such an account cannot be created by a login any more; one left by an older version gets nothing.
    const corpA = (await runtime.db('corps').where({ corpname: '甲公司' }).first('corp_id')) as {
      corp_id: string;
    };
    const impostor = await sessionFor(runtime, 'user', 'root-admin', corpA.corp_id);
    expect(codeOf(await call('files.downloadTicket', { fileId }, impostor))).toBe('NOT_FOUND');
    expect(codeOf(await call('files.downloadTicket', { fileId }, root))).toBe('ok');
  });

  it("sends corp A's user001 job events to that account and its admin, not to corp B's user001", async () => {
    const streamA = await stream(userA);
    const streamB = await stream(userB);
    const streamAdminB = await stream(adminB);
    const streamAdminA = await stream(adminA);
    try {
      const { jobId } = dataOf<{ jobId: string }>(
        await call('notes.startCount', { total: 2, stepMs: 1 }, userA),
      );
      await streamA.waitForText(`"jobId":"${jobId}","kind":"notes.count","state":"done"`);
      await streamAdminA.waitForText(`"jobId":"${jobId}"`);
      // A marker to everyone after the job: whatever B was sent of the job came before it.
      runtime.events.publish('test.marker', {}, { kind: 'all' });
      await streamB.waitForText('test.marker');
      await streamAdminB.waitForText('test.marker');
      expect(streamB.text()).not.toContain(jobId);
      expect(streamAdminB.text()).not.toContain(jobId);
      await waitFor(async () =>
        dataOf<JobSnapshot>(await call('jobs.get', { jobId }, userA)).state === 'done' ? true : undefined,
      );
    } finally {
      for (const open of [streamA, streamB, streamAdminA, streamAdminB]) open.res.destroy();
    }
  });
});
