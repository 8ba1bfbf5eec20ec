// Offline reset of root-admin's password for someone with OS access to the data folder (R2.11):
// `npm run reset-root -- --data-dir <dir>` (the exe takes `--reset-root --data-dir <dir>`).
// It clears the password and recovery code; the next start asks for a new password as on first run.
// No fixed password or secret exists anywhere: access to the data folder is the proof.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { resolveDatabasePath, loadBootstrapConfig } from '../runtime/config/bootstrap-config.js';
import { DataDirLock } from '../runtime/storage/data-dir-lock.js';
import { openDatabase } from '../runtime/storage/database.js';
import { ROOT_USERID } from '../runtime/accounts/auth-service.js';

export async function resetRoot(dataDir: string): Promise<boolean> {
  const lock = DataDirLock.acquire(dataDir); // refuses while the app runs on this folder
  const db = openDatabase({ filename: resolveDatabasePath(dataDir, loadBootstrapConfig(dataDir)) });
  try {
    if (!(await db.schema.hasTable('users'))) return false;
    return await db.transaction(async (trx) => {
      const root = (await trx('users').where({ userid: ROOT_USERID }).whereNull('corp_id').first('id')) as
        { id: number } | undefined;
      if (root === undefined) return false;
      await trx('users').where({ id: root.id }).update({ password_hash: null, recovery_hash: null });
      await trx('sessions').where({ user_id: root.id }).delete();
      await trx('audit_log').insert({
        at: Date.now(),
        actor_userid: null,
        actor_tier: null,
        action: 'auth.offlineResetRoot',
        target: ROOT_USERID,
        ok: true,
        detail: JSON.stringify({ via: 'reset-root' }),
      });
      return true;
    });
  } finally {
    await db.destroy();
    lock.release();
  }
}

/**
 * The command line of the reset: `--data-dir <dir>` (or the given default, as the app's own
 * `--reset-root` flag uses its data dir). Resolves with the exit code.
 */
export async function runResetRoot(argv: string[], defaultDataDir?: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'reset-root': { type: 'boolean' } },
    allowPositionals: false,
    strict: false,
  });
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir;
  if (dataDir === undefined) {
    process.stderr.write('用法：npm run reset-root -- --data-dir <数据目录>\n');
    return 2;
  }
  try {
    const reset = await resetRoot(dataDir);
    process.stderr.write(
      reset
        ? `已清除超级管理员密码和恢复码（${dataDir}）。下次启动时请重新设置超级管理员密码。\n`
        : '该数据目录中还没有超级管理员账户，无需重置。\n',
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  process.exit(await runResetRoot(process.argv.slice(2)));
}
