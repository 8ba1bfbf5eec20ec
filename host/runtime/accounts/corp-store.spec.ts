import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, startRuntime, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { CorpFieldsSchema, CorpStore } from './corp-store.js';

function bytesOfFolder(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    parts.push(statSync(path).isDirectory() ? bytesOfFolder(path) : readFileSync(path));
  }
  return Buffer.concat(parts);
}

describe('CorpStore', () => {
  const secret = 'SimSecretAbcdefghijklmnopqrstuvwxyz0123456';

  it('keeps the secret encrypted at rest and masked in every answer', async () => {
    const dataDir = tempDataDir('corps');
    const runtime = await startRuntime(dataDir);
    try {
      const store = runtime.container.resolve(CorpStore);
      const fields = CorpFieldsSchema.parse({
        corpname: '模拟企业',
        corpid: 'wwsim0001',
        corpsecret: secret,
        agentid: '1000002',
      });
      const saved = await store.save(fields, '直播助手');
      expect(saved.secretMasked).toBe('••••••••456');
      expect(JSON.stringify(await store.list())).not.toContain(secret);
      expect(await store.secretOf(saved.corpId)).toBe(secret);
      // Saving the same app again updates it instead of adding a second row.
      const again = await store.save({ ...fields, corpname: '模拟企业（改名）' }, '直播助手');
      expect(again.corpId).toBe(saved.corpId);
      expect((await store.list()).length).toBe(1);
    } finally {
      await runtime.stop();
    }
    expect(bytesOfFolder(dataDir).includes(Buffer.from(secret))).toBeFalse();
    removeDir(dataDir);
  });

  it('refuses a corpname used by another app (CONFLICT naming the field)', async () => {
    const dataDir = tempDataDir('corps2');
    const runtime = await startRuntime(dataDir);
    try {
      const store = runtime.container.resolve(CorpStore);
      await store.save({ corpname: 'A', corpid: 'wwsim0001', corpsecret: secret, agentid: 1 }, '');
      await expectAsync(
        store.save({ corpname: 'A', corpid: 'wwsim0002', corpsecret: secret, agentid: 1 }, ''),
      ).toBeRejectedWith(jasmine.objectContaining({ code: 'CONFLICT', details: { field: 'corpname' } }));
    } finally {
      await runtime.stop();
      removeDir(dataDir);
    }
  });

  it('removes a corp with its accounts and lives, and ends the work still queued for it', async () => {
    const dataDir = tempDataDir('corps3');
    const runtime = await startRuntime(dataDir);
    try {
      const store = runtime.container.resolve(CorpStore);
      const kept = await store.save({ corpname: 'K', corpid: 'wwkeep', corpsecret: secret, agentid: 1 }, '');
      const gone = await store.save({ corpname: 'G', corpid: 'wwgone', corpsecret: secret, agentid: 1 }, '');
      const db = runtime.db;
      const job = (id: string, corpId: string, state: string) => ({
        id,
        kind: 'live-create.pull',
        corp_id: corpId,
        state,
        input: '{}',
        run_at: Date.now() + 60_000,
        created_at: Date.now(),
        updated_at: Date.now(),
      });
      await db('jobs').insert([job('q-gone', gone.corpId, 'queued'), job('q-kept', kept.corpId, 'queued')]);
      const live = { livingid: 'lv', created_at: Date.now(), updated_at: Date.now() };
      await db('lives').insert([
        { ...live, corp_id: gone.corpId },
        { ...live, corp_id: kept.corpId },
      ]);
      await store.remove(gone.corpId);
      const states = Object.fromEntries(
        ((await db('jobs').select('id', 'state')) as Array<{ id: string; state: string }>).map((row) => [
          row.id,
          row.state,
        ]),
      );
      expect(states).toEqual({ 'q-gone': 'cancelled', 'q-kept': 'queued' });
      expect(await db('lives').pluck('corp_id')).toEqual([kept.corpId]);
    } finally {
      await runtime.stop();
      removeDir(dataDir);
    }
  });

  it('validates each field with a Chinese message naming where to find it', () => {
    const result = CorpFieldsSchema.safeParse({
      corpname: 'x',
      corpid: '企业',
      corpsecret: secret,
      agentid: 'abc',
    });
    expect(result.success).toBeFalse();
    const fields = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(['corpid', 'agentid']);
    expect(result.error?.issues[0]?.message).toContain('企业ID');
  });
});
