import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, startRuntime, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { openDatabase } from './database.js';
import { runMigrations } from './migration-runner.js';
import { HOST_MIGRATIONS } from './migrations/index.js';

describe('migrations on a real SQLite file', () => {
  it('run twice: the second run applies nothing and keeps the data', async () => {
    const dir = tempDataDir('migrate');
    const filename = join(dir, 'db.sqlite');
    const db = openDatabase({ filename });
    try {
      expect(await runMigrations(db, 'host', HOST_MIGRATIONS)).toEqual(HOST_MIGRATIONS.map((m) => m.name));
      await db('config').insert({ key: 'k', value: '1', updated_at: 0 });
      expect(await runMigrations(db, 'host', HOST_MIGRATIONS)).toEqual([]);
      expect(await db('config').count({ n: '*' })).toEqual([{ n: 1 }]);
      const pragmas = (await db.raw('PRAGMA journal_mode')) as Array<{ journal_mode: string }>;
      expect(pragmas[0]?.journal_mode).toBe('wal');
      const foreignKeys = (await db.raw('PRAGMA foreign_keys')) as Array<{ foreign_keys: number }>;
      expect(foreignKeys[0]?.foreign_keys).toBe(1);
    } finally {
      await db.destroy();
      removeDir(dir);
    }
  });

  it('keeps each plugin in its own bookkeeping table, across restarts of the runtime', async () => {
    const dir = tempDataDir('migrate-rt');
    try {
      let runtime = await startRuntime(dir);
      await runtime.stop();
      runtime = await startRuntime(dir);
      const applied = (await runtime.db('knex_migrations__notes').select('name')) as Array<{ name: string }>;
      expect(applied.map((row) => row.name)).toEqual(['001-notes']);
      expect(await runtime.db.schema.hasTable('knex_migrations')).toBeTrue();
      await runtime.stop();
      expect(existsSync(join(dir, 'wecom-live.sqlite'))).toBeTrue();
    } finally {
      removeDir(dir);
    }
  });

  it('refuses a database on a network path', () => {
    expect(() => openDatabase({ filename: '//fileserver/share/wecom.sqlite' })).toThrowError(/网络路径/);
  });
});
