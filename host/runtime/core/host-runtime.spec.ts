import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import { DataDirLockedError } from '../storage/data-dir-lock.js';

describe('HostRuntime', () => {
  it('bootstraps config.json, the database, logs and the vault key in a new data dir', async () => {
    const dataDir = tempDataDir('boot');
    const runtime = await startRuntime(dataDir);
    try {
      const config = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as {
        database: { filename: string };
      };
      expect(config.database.filename).toBe('wecom-live.sqlite');
      expect(existsSync(join(dataDir, 'wecom-live.sqlite'))).toBeTrue();
      expect(existsSync(join(dataDir, 'logs'))).toBeTrue();
      expect(existsSync(join(dataDir, 'vault.key'))).toBeTrue();
      const admin = await sessionFor(runtime, 'wecom-admin');
      const about = dataOf<{ databaseFile: string; version: string }>(
        await runtime.router.dispatch('host.about', {}, admin),
      );
      expect(about.databaseFile).toBe(join(dataDir, 'wecom-live.sqlite'));
      const user = await sessionFor(runtime, 'user');
      const forUser = dataOf<Record<string, unknown>>(await runtime.router.dispatch('host.about', {}, user));
      expect(forUser['version']).toBe(about.version);
      expect(forUser['dataDir']).toBeUndefined();
    } finally {
      await runtime.stop();
      removeDir(dataDir);
    }
  });

  it('refuses a second runtime on the same data dir, and starts again once the first stopped', async () => {
    const dataDir = tempDataDir('lock');
    const first = await startRuntime(dataDir);
    try {
      await expectAsync(startRuntime(dataDir)).toBeRejectedWithError(DataDirLockedError, /数据目录/);
    } finally {
      await first.stop();
    }
    const second = await startRuntime(dataDir);
    await second.stop();
    await second.stop(); // idempotent
    removeDir(dataDir);
  });

  it('refuses to start on an invalid config.json, naming the field, and releases the lock', async () => {
    const dataDir = tempDataDir('badcfg');
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ version: 1, database: { filename: 42 } }));
    await expectAsync(startRuntime(dataDir)).toBeRejectedWithError(/database\.filename/);
    writeFileSync(join(dataDir, 'config.json'), '{}');
    const runtime = await startRuntime(dataDir);
    await runtime.stop();
    removeDir(dataDir);
  });
});
