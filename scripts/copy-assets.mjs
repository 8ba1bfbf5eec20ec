// tsc emits only JavaScript: copy the JSON manifests and fixtures the compiled code reads at run time.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['plugins', 'tests/fixtures', 'sdk', 'examples'];
function copyJson(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'ui') continue;
    if (statSync(path).isDirectory()) copyJson(path);
    else if (name.endsWith('.json') || name.endsWith('.xlsx')) cpSync(path, join('dist', path));
  }
}
for (const root of roots) copyJson(root);
