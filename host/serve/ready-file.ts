import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What browser mode announces once it listens: the stdout line and `<data-dir>/serve.json` (docs/architecture.md "Browser mode"). */
export interface ReadyInfo {
  event: 'ready';
  url: string;
  port: number;
  token: string;
}

export function readyFilePath(dataDir: string): string {
  return join(dataDir, 'serve.json');
}

/** Writes serve.json readable by the user only; it holds the server token. */
export function writeReadyFile(dataDir: string, info: ReadyInfo): void {
  const path = readyFilePath(dataDir);
  // A file left by a crashed run keeps its old mode when overwritten: replace it instead.
  rmSync(path, { force: true });
  writeFileSync(path, `${JSON.stringify(info)}\n`, { mode: 0o600, flag: 'wx' });
}

export function removeReadyFile(dataDir: string): void {
  rmSync(readyFilePath(dataDir), { force: true });
}
