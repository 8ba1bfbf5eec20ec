import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, startRuntime, tempDataDir } from '../../tests/support/runtime-harness.js';
import { CorpStore } from '../runtime/accounts/corp-store.js';
import { SecretVault } from '../runtime/accounts/secret-vault.js';
import {
  SAFE_STORAGE_WRAPPER_NAME,
  safeStorageKeyWrapper,
  type SafeStorageLike,
} from './safe-storage-key-wrapper.js';
import { FAKE_SAFE_STORAGE_PREFIX, safeStorage as fakeElectronSafeStorage } from './testing/fake-electron.js';

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

describe('a runtime started with the safeStorage wrapper', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = tempDataDir('safe-storage-runtime')));
  afterEach(() => removeDir(dataDir));

  it('keeps only the wrapped key on disk, and a second start reads the same secrets', async () => {
    const keyWrapper = safeStorageKeyWrapper(fakeElectronSafeStorage, 'linux');
    const first = await startRuntime(dataDir, { keyWrapper });
    let corpId: string;
    try {
      const corp = await first.container
        .resolve(CorpStore)
        .save(
          { corpname: '测试企业', corpid: 'wwsafe0001', corpsecret: 'Secret_safe_0123', agentid: 1000002 },
          '应用',
        );
      corpId = corp.corpId;
    } finally {
      await first.stop();
    }

    const text = readFileSync(join(dataDir, 'vault.key'), 'utf8');
    const file = JSON.parse(text) as { wrappedBy: string; key: string; keyId: string };
    expect(file.wrappedBy).toBe(SAFE_STORAGE_WRAPPER_NAME);
    const wrapped = Buffer.from(file.key, 'base64');
    expect(wrapped.subarray(0, FAKE_SAFE_STORAGE_PREFIX.length).toString('utf8')).toBe(
      FAKE_SAFE_STORAGE_PREFIX,
    );
    const rawKey = keyWrapper.unwrap(wrapped);
    expect(rawKey.length).toBe(32);
    for (const encoding of ['base64', 'hex', 'base64url'] as const) {
      expect(text).not.toContain(rawKey.toString(encoding));
    }

    const second = await startRuntime(dataDir, { keyWrapper });
    try {
      expect(await second.container.resolve(CorpStore).secretOf(corpId)).toBe('Secret_safe_0123');
    } finally {
      await second.stop();
    }
  });
});
