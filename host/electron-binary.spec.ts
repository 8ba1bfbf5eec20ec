import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../tests/support/runtime-harness.js';
import { findElectronBinary } from './electron-binary.js';

describe('findElectronBinary', () => {
  it('finds the binary named by node_modules/electron/path.txt, and nothing when it is absent', () => {
    const root = tempDataDir('electron');
    try {
      expect(findElectronBinary(root)).toBeNull();
      const dir = join(root, 'node_modules', 'electron');
      mkdirSync(join(dir, 'dist'), { recursive: true });
      writeFileSync(join(dir, 'path.txt'), 'electron');
      expect(findElectronBinary(root)).toBeNull(); // not downloaded yet
      writeFileSync(join(dir, 'dist', 'electron'), '');
      expect(findElectronBinary(root)).toBe(join(dir, 'dist', 'electron'));
    } finally {
      removeDir(root);
    }
  });
});
