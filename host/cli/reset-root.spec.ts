import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostStatus } from '../../sdk/contracts/host-status.js';
import { dataOf, removeDir, startRuntime, tempDataDir } from '../../tests/support/runtime-harness.js';

const entry = join(dirname(fileURLToPath(import.meta.url)), 'reset-root.js');
const startEntry = join(dirname(fileURLToPath(import.meta.url)), '..', 'start.js');

describe('offline root-admin reset (npm run reset-root)', () => {
  it('clears the password so the next start asks for a new one; refuses while the app runs', async () => {
    const dataDir = tempDataDir('reset');
    try {
      let runtime = await startRuntime(dataDir);
      dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Forgotten-Quill-41' }, null));

      const whileRunning = spawnSync(process.execPath, [entry, '--data-dir', dataDir], { encoding: 'utf8' });
      expect(whileRunning.status).toBe(1);
      expect(whileRunning.stderr).toContain('数据目录');
      await runtime.stop();

      // The app's own flag (npm start / the exe) does the same as the npm alias.
      const reset = spawnSync(process.execPath, [startEntry, '--reset-root', '--data-dir', dataDir], {
        encoding: 'utf8',
      });
      expect(reset.status).toBe(0);
      expect(reset.stderr).toContain('已清除超级管理员密码');

      runtime = await startRuntime(dataDir);
      expect(dataOf<HostStatus>(await runtime.router.dispatch('host.status', {}, null)).firstRun).toBeTrue();
      const old = await runtime.router.dispatch(
        'auth.login',
        { kind: 'root', password: 'Forgotten-Quill-41' },
        null,
      );
      expect(old.ok).toBeFalse();
      dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Remembered-Quill-52' }, null));
      expect(
        (await runtime.router.dispatch('auth.login', { kind: 'root', password: 'Remembered-Quill-52' }, null))
          .ok,
      ).toBeTrue();
      await runtime.stop();
    } finally {
      removeDir(dataDir);
    }
  });
});
