import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed under `node_modules/electron`, found the way the electron package
 * itself does (`path.txt` names it inside `dist/`) but without running its CLI, which would try to
 * download a binary. Null when absent.
 */
export function findElectronBinary(root: string): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    if (relative === '') return null;
    const binary = join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
