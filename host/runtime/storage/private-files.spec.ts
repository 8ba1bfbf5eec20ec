// The data directory is private on POSIX whatever an older version or a copy left there, and uploads a
// crash cut off are swept at start (docs/threat-model.md).
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LoginResult } from '../../../sdk/contracts/host-status.js';
import { dataOf, removeDir, startRuntime, tempDataDir } from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

const POSIX = process.platform !== 'win32';

/** Every folder and file under `root` with its permission bits (symbolic links left out). */
function modesUnder(root: string): Array<{ path: string; kind: 'dir' | 'file'; mode: number }> {
  const found: Array<{ path: string; kind: 'dir' | 'file'; mode: number }> = [];
  const walk = (dir: string): void => {
    found.push({ path: dir, kind: 'dir', mode: lstatSync(dir).mode & 0o777 });
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(path);
      else found.push({ path, kind: 'file', mode: stat.mode & 0o777 });
    }
  };
  walk(root);
  return found;
}

describe('data directory modes and partial uploads', () => {
  let dataDir: string;
  let outside: string;
  let runtime: HostRuntime | null = null;

  beforeEach(() => {
    dataDir = tempDataDir('modes');
    outside = tempDataDir('modes-outside');
  });

  afterEach(async () => {
    await runtime?.stop();
    runtime = null;
    removeDir(dataDir);
    removeDir(outside);
  });

  it('makes a pre-existing 0755 data dir with 0644 files 0700 and 0600 at start, and keeps it so', async () => {
    if (!POSIX) {
      pending('POSIX permissions only');
      return;
    }
    // As an older version left it: group/world readable folders, config, database, exports.
    mkdirSync(join(dataDir, 'exports', 'old-export'), { recursive: true });
    writeFileSync(join(dataDir, 'config.json'), '{}\n');
    writeFileSync(join(dataDir, 'exports', 'old-export', '旧报表.xlsx'), 'xlsx');
    writeFileSync(join(dataDir, 'notes.txt'), 'left by someone');
    for (const entry of modesUnder(dataDir)) chmodSync(entry.path, entry.kind === 'dir' ? 0o755 : 0o644);
    // A link out of the data dir is neither followed nor changed.
    writeFileSync(join(outside, 'elsewhere.txt'), 'not ours');
    chmodSync(join(outside, 'elsewhere.txt'), 0o644);
    symlinkSync(join(outside, 'elsewhere.txt'), join(dataDir, 'link.txt'));

    runtime = await startRuntime(dataDir);
    // Work that writes new files: the database and its WAL, an export, the vault's key file.
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null));
    const root = dataOf<LoginResult>(
      await runtime.router.dispatch('auth.login', { kind: 'root', password: 'Kettle-Harbor-42' }, null),
    ).session;
    dataOf(await runtime.router.dispatch('audit.export', {}, root));

    const entries = modesUnder(dataDir);
    expect(entries.some((entry) => entry.path.endsWith('-wal'))).toBeTrue();
    expect(
      entries.some((entry) => entry.path.endsWith('.xlsx') && !entry.path.includes('old-export')),
    ).toBeTrue();
    for (const entry of entries) {
      expect(entry.mode.toString(8))
        .withContext(entry.path)
        .toBe(entry.kind === 'dir' ? '700' : '600');
    }
    expect(lstatSync(join(outside, 'elsewhere.txt')).mode & 0o777).toBe(0o644);
  });

  it('removes uploads a crash cut off and keeps the recorded ones', async () => {
    runtime = await startRuntime(dataDir);
    const kept = runtime.files.reserveUpload();
    writeFileSync(kept.path, 'a,b\n');
    await runtime.files.completeUpload(kept.fileId, '名单.csv', {
      sessionId: null,
      user: { userid: 'u1', username: '', tier: 'user' },
      corp: null,
    });
    const cut = runtime.files.reserveUpload();
    writeFileSync(cut.path, 'half of a workb');
    await runtime.stop();
    runtime = null;
    expect(existsSync(cut.path)).toBeTrue();

    runtime = await startRuntime(dataDir);
    expect(existsSync(cut.path)).toBeFalse();
    expect(existsSync(kept.path)).toBeTrue();
  });
});
