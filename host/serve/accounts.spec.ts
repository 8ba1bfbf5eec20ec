// Issue 5 end to end: browser mode (spawned) against the WeCom simulator (in-process), over HTTP.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { openEvents } from '../../tests/support/event-stream.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { rpc, spawnServe, type ServeProcess } from '../../tests/support/serve-process.js';
import { startSimulator, type RunningSimulator } from '../../tests/wecom-sim/server.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';

function dataOf<T>(answer: { body: RpcResult }): T {
  if (!answer.body.ok)
    throw new Error(`expected ok, got ${answer.body.error.code}: ${answer.body.error.message}`);
  return answer.body.data as T;
}

function errorOf(answer: { body: RpcResult }): {
  code: string;
  message: string;
  details?: Record<string, unknown>;
} {
  if (answer.body.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.body.data)}`);
  return answer.body.error;
}

function bytesOfFolder(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir).map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? bytesOfFolder(path) : readFileSync(path);
    }),
  );
}

async function simData(
  sim: RunningSimulator,
): Promise<{ members: Array<{ userid: string; name: string; denied: boolean }> }> {
  const response = await fetch(`${sim.url}/__sim/data`);
  return (await response.json()) as { members: Array<{ userid: string; name: string; denied: boolean }> };
}

async function simAdmin(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
}

describe('accounts, corps and trusted IPs over HTTP against the simulator', () => {
  let sim: RunningSimulator;
  let ipService: Server;
  let dataDir: string;
  let server: ServeProcess;
  let root: string;

  const corpFields = () => ({
    corpname: '模拟企业',
    corpid: sim.corpid,
    corpsecret: sim.corpsecret,
    agentid: sim.agentid,
  });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 7, lives: 12, viewers: 20, members: 10 });
    ipService = createServer((_req, res) => res.end('当前 IP：203.0.113.77  来自于：测试\n'));
    await new Promise<void>((resolve) => ipService.listen(0, '127.0.0.1', resolve));
    dataDir = tempDataDir('accounts');
    const ipUrl = `http://127.0.0.1:${(ipService.address() as AddressInfo).port}/`;
    // The first service is down (connection refused), the second answers: the lookup moves on.
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ publicIpServices: ['http://127.0.0.1:9/', ipUrl] }),
    );
    server = await spawnServe(['--data-dir', dataDir, '--port', '0', '--wecom-base-url', sim.url]);
    const { recoveryCode } = dataOf<{ recoveryCode: string }>(
      await rpc(server, 'auth.setupRoot', { password: ROOT_PASSWORD }),
    );
    expect(recoveryCode.length).toBeGreaterThan(20);
    root = dataOf<LoginResult>(
      await rpc(server, 'auth.login', { kind: 'root', password: ROOT_PASSWORD }),
    ).session;
  });

  afterAll(async () => {
    expect((await server.stop()).code).toBe(0);
    // Nothing in the data folder, database, WAL and logs included, holds the app Secret in clear.
    expect(bytesOfFolder(dataDir).includes(Buffer.from(sim.corpsecret))).toBeFalse();
    removeDir(dataDir);
    await sim.close();
    await new Promise((resolve) => ipService.close(resolve));
  });

  beforeEach(async () => {
    await simAdmin(sim, 'DELETE', 'faults');
  });

  /** The simulator's corp, saved by a first login when no spec saved it yet (specs run in random order). */
  async function savedCorp(): Promise<{ corpId: string; corpname: string }> {
    const corps = dataOf<Array<{ corpId: string; corpname: string; corpid: string }>>(
      await rpc(server, 'corps.list'),
    );
    const saved = corps.find((corp) => corp.corpid === sim.corpid);
    if (saved !== undefined) return saved;
    const login = dataOf<LoginResult>(await rpc(server, 'auth.login', { kind: 'newCorp', ...corpFields() }));
    return { corpId: login.corp?.corpId ?? '', corpname: login.corp?.corpname ?? '' };
  }

  it('logs a user into a new corp without a password, then again through the saved corp', async () => {
    const first = dataOf<LoginResult>(
      await rpc(server, 'auth.login', {
        kind: 'newCorp',
        ...corpFields(),
        userid: 'ZhangSan',
        username: '张三',
      }),
    );
    expect(first.user).toEqual({ userid: 'zhangsan', username: '张三', tier: 'user' });
    expect(first.corp?.corpname).toBe('模拟企业');
    expect(first.corp?.appName).not.toBe('');
    const corps = dataOf<Array<Record<string, unknown>>>(await rpc(server, 'corps.list'));
    expect(corps.length).toBe(1);
    expect(JSON.stringify(corps)).not.toContain(sim.corpsecret);
    expect(corps[0]?.['secretMasked']).toMatch(/^•+.{3}$/);
    const again = dataOf<LoginResult>(
      await rpc(server, 'auth.login', { kind: 'savedCorp', corpId: first.corp?.corpId, userid: 'zhangsan' }),
    );
    expect(again.user.username).toBe('张三');
    expect(JSON.stringify(again)).not.toContain(sim.corpsecret);
    // A corp session may not do what root-admin does.
    expect(errorOf(await rpc(server, 'users.list', {}, again.session)).code).toBe('FORBIDDEN');
  });

  it('names an account typed without a name from the WeCom directory (the header shows the name)', async () => {
    const { corpId } = await savedCorp();
    const member = (await simData(sim)).members.find((candidate) => !candidate.denied);
    const login = dataOf<LoginResult>(
      await rpc(server, 'auth.login', { kind: 'savedCorp', corpId, userid: member?.userid ?? '' }),
    );
    expect(login.user.username).toBe(member?.name.trim() ?? 'no member');
    // A member outside the app's visible range (60011) still logs in, unnamed.
    const denied = (await simData(sim)).members.find((candidate) => candidate.denied);
    const unnamed = dataOf<LoginResult>(
      await rpc(server, 'auth.login', { kind: 'savedCorp', corpId, userid: denied?.userid ?? '' }),
    );
    expect(unnamed.user.username).toBe('');
  });

  it('gives a WeCom admin added by root-admin a one-time initial code; the first login sets the password', async () => {
    const { corpId } = await savedCorp();
    const { initialCode } = dataOf<{ initialCode: string }>(
      await rpc(
        server,
        'users.save',
        { corpId, userid: 'LiSi', username: '李四', tier: 'wecom-admin' },
        root,
      ),
    );
    expect(initialCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const login = (password?: string, code?: string) =>
      rpc(server, 'auth.login', {
        kind: 'savedCorp',
        corpId,
        userid: 'LISI',
        ...(password ? { password } : {}),
        ...(code ? { initialCode: code } : {}),
      });
    // Whoever logs in first with the userid does not get to choose the password without the code.
    const needsCode = errorOf(await login('Admin-Lantern-Quay-5'));
    expect(needsCode.code).toBe('INVALID_INPUT');
    expect(needsCode.details).toEqual({ field: 'initialCode', firstAdminLogin: true });
    const wrongCode = errorOf(await login('Admin-Lantern-Quay-5', 'AAAA-BBBB-CCCC'));
    expect(wrongCode.code).toBe('UNAUTHENTICATED');
    expect(wrongCode.details).toEqual({ field: 'initialCode', firstAdminLogin: true });
    // The password rules hold here too; a refused password does not use up the code.
    const weak = errorOf(await login('password1234', initialCode));
    expect(weak.details).toEqual({ field: 'password', firstAdminLogin: true });
    expect(weak.message).toContain('常见');
    const admin = dataOf<LoginResult>(await login('Admin-Lantern-Quay-5', initialCode.toLowerCase()));
    // The code was for one use only.
    expect(errorOf(await login('Other-Orchid-Sail-1', initialCode)).code).toBe('UNAUTHENTICATED');
    // From now on the password alone.
    expect(dataOf<LoginResult>(await login('Admin-Lantern-Quay-5')).user.tier).toBe('wecom-admin');
    expect(admin.user.tier).toBe('wecom-admin');
    expect(errorOf(await login('wrong-password')).code).toBe('UNAUTHENTICATED');
    // Asking for the password is not a failed attempt: many logins without one lock nothing.
    for (let i = 0; i < 7; i += 1) expect(errorOf(await login()).code).toBe('UNAUTHENTICATED');
    expect(dataOf<LoginResult>(await login('Admin-Lantern-Quay-5')).user.userid).toBe('lisi');
    const users = dataOf<Array<{ userid: string; hasPassword: boolean }>>(
      await rpc(server, 'users.list', { corpId }, root),
    );
    expect(users.find((user) => user.userid === 'lisi')?.hasPassword).toBeTrue();
    // The tier matrix of the account channels.
    expect(
      dataOf<{ ok: boolean }>(await rpc(server, 'corps.check', { corpId }, admin.session)).ok,
    ).toBeTrue();
    expect(errorOf(await rpc(server, 'corps.delete', { corpId }, admin.session)).code).toBe('FORBIDDEN');
    expect(errorOf(await rpc(server, 'audit.list', {}, admin.session)).code).toBe('FORBIDDEN');
    expect(errorOf(await rpc(server, 'trustedIps.add', { ip: '198.51.100.1' })).code).toBe('UNAUTHENTICATED');
    dataOf(await rpc(server, 'trustedIps.add', { ip: '198.51.100.1' }, admin.session));
    const audit = dataOf<{ rows: Array<{ action: string; ok: boolean }> }>(
      await rpc(server, 'audit.list', { pageSize: 100 }, root),
    );
    expect(audit.rows.map((row) => row.action)).toContain('users.save');
    // The wrong code, the used code and the one wrong password were failed logins; asking was not.
    expect(audit.rows.filter((row) => row.action === 'auth.login' && !row.ok).length).toBe(3);
  });

  it('names the field of each configuration error', async () => {
    const tryLogin = (changes: Record<string, unknown>) =>
      rpc(server, 'auth.login', { kind: 'newCorp', ...corpFields(), corpname: '另一个', ...changes });
    expect(errorOf(await tryLogin({ corpid: 'wwnotacorp0000' })).details).toEqual(
      jasmine.objectContaining({ field: 'corpid' }),
    );
    expect(errorOf(await tryLogin({ corpsecret: 'WrongSecret_0123456789abcdef' })).details).toEqual(
      jasmine.objectContaining({ field: 'corpsecret' }),
    );
    const agent = errorOf(await tryLogin({ agentid: 999 }));
    expect(agent.code).toBe('WECOM_CONFIG_INVALID');
    expect(agent.details).toEqual(jasmine.objectContaining({ field: 'agentid' }));
    expect(agent.message).toMatch(/[\u4e00-\u9fa5]/);
    const badInput = errorOf(await tryLogin({ agentid: 'abc' }));
    expect(badInput.code).toBe('INVALID_INPUT');
    expect(badInput.details).toEqual({ field: 'agentid' });
    // A name already used by another app.
    const { corpname } = await savedCorp();
    const taken = errorOf(
      await rpc(server, 'auth.login', { kind: 'newCorp', ...corpFields(), corpname, agentid: 1000003 }),
    );
    expect(taken.code).toBe('CONFLICT');
  });

  it('records a 60020 IP, answers with the whole list and tells open clients', async () => {
    const ticket = dataOf<{ ticket: string }>(
      await fetch(`${server.base}/events/ticket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.ready.token}`, 'x-session': root },
      }).then(async (response) => ({ body: (await response.json()) as RpcResult })),
    ).ticket;
    const stream = await openEvents(server, ticket);
    const { corpId } = await savedCorp(); // saved before the fault, which would refuse a first login too
    await simAdmin(sim, 'POST', 'faults', {
      api: 'agent/get',
      errcode: 60020,
      ip: '2408:8000:1:2::9',
      times: 1,
    });
    const refused = errorOf(
      await rpc(server, 'auth.login', { kind: 'savedCorp', corpId, userid: 'zhangsan' }),
    );
    expect(refused.code).toBe('WECOM_IP_NOT_ALLOWED');
    expect(refused.details?.['ip']).toBe('2408:8000:1:2::9');
    const ips = refused.details?.['ips'] as string[];
    expect(ips).toContain('2408:8000:1:2::9');
    expect(refused.details?.['copyText']).toBe(ips.join(';'));
    expect(refused.details?.['consoleUrl']).toBe(
      'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
    );
    expect(refused.message).toContain('5 分钟');
    await stream.waitForText('"type":"wecom.ipNotAllowed"');
    expect(stream.text()).toContain('2408:8000:1:2::9');
    stream.res.destroy();
    const list = dataOf<{ copyText: string; limit: number }>(await rpc(server, 'trustedIps.list'));
    expect(list.copyText.split(';')).toContain('2408:8000:1:2::9');
    expect(list.limit).toBe(120);
  });

  it('refuses a trusted-IP list beyond 120, naming the field', async () => {
    const ips = Array.from({ length: 121 }, (_, i) => `10.1.${Math.floor(i / 200)}.${i % 200}`);
    const refused = errorOf(await rpc(server, 'trustedIps.replace', { ips }, root));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.details).toEqual({ field: 'ips' });
  });

  it("detects this machine's public IP on demand and adds it to the list", async () => {
    const answer = dataOf<{ ip: string | null; source: string | null }>(
      await rpc(server, 'trustedIps.detectPublicIp'),
    );
    expect(answer.ip).toBe('203.0.113.77');
    const list = dataOf<{ ips: Array<{ ip: string; source: string }> }>(await rpc(server, 'trustedIps.list'));
    expect(list.ips.find((entry) => entry.ip === '203.0.113.77')?.source).toBe('detected');
  });

  it('keeps root-admin away from WeCom business but lets it check and delete corps', async () => {
    const { corpId } = await savedCorp();
    expect(dataOf<{ appName: string }>(await rpc(server, 'corps.check', { corpId }, root)).appName).not.toBe(
      '',
    );
    const edited = dataOf<{ corpname: string }>(
      await rpc(
        server,
        'corps.save',
        { corpId, corpname: '模拟企业（总部）', corpid: sim.corpid, agentid: sim.agentid },
        root,
      ),
    );
    expect(edited.corpname).toBe('模拟企业（总部）');
  });
});

describe('WeCom unreachable and offline public IP', () => {
  it('answers WECOM_UNREACHABLE and 无法检测 without hanging', async () => {
    const dataDir = tempDataDir('offline');
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ publicIpServices: ['http://127.0.0.1:9/'] }),
    );
    const server = await spawnServe([
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--wecom-base-url',
      'http://127.0.0.1:9',
    ]);
    try {
      const answer = errorOf(
        await rpc(server, 'auth.login', {
          kind: 'newCorp',
          corpname: '离线企业',
          corpid: 'wwoffline0001',
          corpsecret: 'OfflineSecret_0123456789ab',
          agentid: 1000002,
        }),
      );
      expect(answer.code).toBe('WECOM_UNREACHABLE');
      const ip = dataOf<{ ip: string | null; message: string }>(
        await rpc(server, 'trustedIps.detectPublicIp'),
      );
      expect(ip.ip).toBeNull();
      expect(ip.message).toContain('无法检测');
      expect(dataOf<unknown[]>(await rpc(server, 'corps.list'))).toEqual([]);
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
