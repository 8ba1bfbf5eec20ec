import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The application's root folder (holding package.json), found from this file in src or dist. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

let version: string | null = null;

/**
 * The application version from package.json, read once: `host.status` answers it on every call, and the
 * file does not change under a running process.
 */
export function appVersion(): string {
  if (version === null) {
    const manifest = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
    version = manifest.version;
  }
  return version;
}
