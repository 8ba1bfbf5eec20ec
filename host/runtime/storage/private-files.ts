// The data directory holds the database, its WAL, config.json, the vault key file, uploads and
// exports: on POSIX every folder of it is 0700 and every file 0600, whatever an older version, a copy
// or a restore left there (docs/threat-model.md). Windows keeps its ACLs (the user profile's).
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';

/** What tightening left as it was (a file owned by someone else, say); the start goes on. */
export interface ModeProblem {
  path: string;
  message: string;
}

function tighten(path: string, mode: number, problems: ModeProblem[]): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    problems.push({ path, message: (error as Error).message });
  }
}

/**
 * Makes a tree private: the folder and every folder below 0700, every file 0600. Symbolic links are
 * neither followed nor changed (a link could point anywhere on the machine).
 */
export function makeTreePrivate(root: string): ModeProblem[] {
  const problems: ModeProblem[] = [];
  if (!POSIX) return problems;
  const walk = (dir: string): void => {
    tighten(dir, PRIVATE_DIR_MODE, problems);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      problems.push({ path: dir, message: (error as Error).message });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (stat === undefined || stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) tighten(path, PRIVATE_FILE_MODE, problems);
    }
  };
  walk(root);
  return problems;
}

/**
 * A database kept outside the data dir (its folder may be shared with other things, so it is left as it
 * is): the file and SQLite's companions (-wal, -shm, -journal) become 0600.
 */
export function makeDatabaseFilesPrivate(databaseFile: string): ModeProblem[] {
  const problems: ModeProblem[] = [];
  if (!POSIX) return problems;
  const name = basename(databaseFile);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const path = join(dirname(databaseFile), `${name}${suffix}`);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isFile() === true) tighten(path, PRIVATE_FILE_MODE, problems);
  }
  return problems;
}
