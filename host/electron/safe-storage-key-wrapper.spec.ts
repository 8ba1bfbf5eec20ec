import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { SecretVault } from '../runtime/secret-vault.js';
import { safeStorageKeyWrapper, type SafeStorageLike } from './safe-storage-key-wrapper.js';

/** A reversible stand-in for the OS protection (XOR), so a wrong unwrap is detectable. */
function fakeSafeStorage(
  available: boolean,
  backend = 'gnome_libsecret',
): SafeStorageLike & { calls: number } {
  const flip = (buffer: Buffer): Buffer => Buffer.from(buffer.map((byte) => byte ^ 0x5a));
  return {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(text) {
      this.calls += 1;
      return flip(Buffer.from(text, 'utf8'));
    },
    decryptString: (encrypted) => flip(encrypted).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorageKeyWrapper', () => {
  it('is unavailable without encryption, or on Linux without a keyring', () => {
    expect(safeStorageKeyWrapper(fakeSafeStorage(false), 'win32').isAvailable()).toBeFalse();
    expect(safeStorageKeyWrapper(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBeFalse();
    expect(safeStorageKeyWrapper(fakeSafeStorage(true, 'basic_text'), 'win32').isAvailable()).toBeTrue();
    expect(safeStorageKeyWrapper(fakeSafeStorage(true), 'linux').isAvailable()).toBeTrue();
  });

  it('round-trips the vault key, which then opens only with the same protection', () => {
    const dir = tempDataDir('safe-storage');
    try {
      const storage = fakeSafeStorage(true);
      const wrapper = safeStorageKeyWrapper(storage, 'win32');
      const secret = SecretVault.open({ dataDir: dir, keyWrapper: wrapper }).encrypt('corp secret');
      expect(storage.calls).toBe(1);
      expect(SecretVault.open({ dataDir: dir, keyWrapper: wrapper }).decrypt(secret)).toBe('corp secret');
      // The same folder without the OS protection (copied elsewhere) cannot read it.
      expect(() => SecretVault.open({ dataDir: dir }).decrypt(secret)).toThrow();
    } finally {
      removeDir(dir);
    }
  });
});
