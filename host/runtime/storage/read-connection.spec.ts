// While a write transaction holds the main connection (as a check-in import's write does), a call still
// resolves its session on the read connection and host.status answers (before, every call waited for
// the commit).
import type { HostStatus } from '../../../sdk/contracts/host-status.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

describe('the read connection', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let session: string;

  beforeAll(async () => {
    dataDir = tempDataDir('read-connection');
    runtime = await startRuntime(dataDir);
    session = await sessionFor(runtime, 'user', 'reader');
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('answers host.status while a write transaction holds the database', async () => {
    let commit: () => void = () => undefined;
    let begun: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const writing = runtime.db.transaction(async (trx) => {
      await trx('users').where({ userid: 'reader' }).update({ username: '读者' });
      begun();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await started;
    const status = runtime.router.dispatch('host.status', {}, session);
    const outcome = await Promise.race([
      status.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    commit();
    await writing;
    expect(outcome).toBe('answered');
    expect(dataOf<HostStatus>(await status).firstRun).toBeDefined();
    // After the commit the write stands, and calls go on as before.
    const user = (await runtime.db('users').where({ userid: 'reader' }).first('username')) as {
      username: string;
    };
    expect(user.username).toBe('读者');
    expect((await runtime.router.dispatch('host.status', {}, session)).ok).toBeTrue();
  });
});
