import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../sdk/contracts/errors.js';
import { SecretUnavailableError, SecretVault, type KeyWrapper } from './secret-vault.js';

const SECRET = 'wecom-corpsecret-Abc123_xyz-长一点的Secret';

/** A stand-in for Electron safeStorage: reversible, and switchable off like a locked keyring. */
class XorKeyWrapper implements KeyWrapper {
  readonly name = 'test-xor';
  available = true;
  isAvailable(): boolean {
    return this.available;
  }
  wrap(plain: Buffer): Buffer {
    return Buffer.from(plain.map((byte) => byte ^ 0x5a));
  }
  unwrap(wrapped: Buffer): Buffer {
    if (!this.available) throw new Error('keyring locked');
    return Buffer.from(wrapped.map((byte) => byte ^ 0x5a));
  }
}

function expectUnavailable(action: () => unknown): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SecretUnavailableError);
  expect(thrown).toBeInstanceOf(AppError);
  const error = thrown as SecretUnavailableError;
  expect(error.code).toBe('WECOM_CONFIG_INVALID');
  expect(error.details).toEqual({ field: 'corpsecret', reason: 'undecryptable' });
  expect(error.message).toBe(
    '无法解密已保存的应用Secret（数据目录可能从其他电脑复制而来），请重新输入应用Secret。',
  );
}

describe('SecretVault', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wecom-live-vault-'));
    dataDir = join(root, 'data');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('round-trips, with a fresh iv each time and no plaintext in the ciphertext', () => {
    const vault = SecretVault.open({ dataDir });
    const first = vault.encrypt(SECRET);
    const second = vault.encrypt(SECRET);
    expect(first).not.toBe(second);
    expect(first).not.toContain(SECRET);
    expect(first).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(first).toMatch(/^v1:[0-9a-f]{16}:[^:]+:[^:]+:[^:]+$/);
    expect(first.split(':')[1]).toBe(vault.keyId);
    expect(vault.decrypt(first)).toBe(SECRET);
    expect(vault.decrypt(vault.encrypt(''))).toBe('');
    expect(vault.isEncrypted(first)).toBeTrue();
    expect(vault.isEncrypted(SECRET)).toBeFalse();
  });

  it('keeps one key in a 0600 vault.key, the same across opens', () => {
    const vault = SecretVault.open({ dataDir });
    const ciphertext = vault.encrypt(SECRET);
    const keyPath = join(dataDir, 'vault.key');
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, unknown>;
    expect(file.version).toBe(1);
    expect(file.wrappedBy).toBe('none');
    expect(file.keyId).toBe(vault.keyId);
    const key = Buffer.from(file.key as string, 'base64');
    expect(key.length).toBe(32);
    expect(vault.keyId).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));

    const reopened = SecretVault.open({ dataDir });
    expect(reopened.keyId).toBe(vault.keyId);
    expect(reopened.decrypt(ciphertext)).toBe(SECRET);
  });

  it("refuses another data dir's ciphertext, and then encrypts the re-entered secret", () => {
    const ciphertext = SecretVault.open({ dataDir }).encrypt(SECRET);
    const other = SecretVault.open({ dataDir: join(root, 'other') });
    expect(other.keyId).not.toBe(ciphertext.split(':')[1] ?? '');
    expectUnavailable(() => other.decrypt(ciphertext));
    expect(other.decrypt(other.encrypt('re-entered'))).toBe('re-entered');
  });

  it('detects tampering with the body, the tag, the iv or the key id', () => {
    const vault = SecretVault.open({ dataDir });
    const [version, keyId, iv, tag, body] = vault.encrypt(SECRET).split(':') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    expectUnavailable(() => vault.decrypt([version, keyId, iv, tag, flip(body)].join(':')));
    expectUnavailable(() => vault.decrypt([version, keyId, iv, flip(tag), body].join(':')));
    expectUnavailable(() => vault.decrypt([version, keyId, flip(iv), tag, body].join(':')));
    expectUnavailable(() => vault.decrypt([version, 'ffffffffffffffff', iv, tag, body].join(':')));
    expectUnavailable(() => vault.decrypt([version, keyId, iv, tag.slice(0, 8), body].join(':')));
    expectUnavailable(() => vault.decrypt(SECRET));
  });

  it('wraps the key when a wrapper is available and fails politely when it no longer is', () => {
    const wrapper = new XorKeyWrapper();
    const vault = SecretVault.open({ dataDir, keyWrapper: wrapper });
    const ciphertext = vault.encrypt(SECRET);
    const keyPath = join(dataDir, 'vault.key');
    const file = JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, unknown>;
    expect(file.wrappedBy).toBe('test-xor');
    expect(SecretVault.open({ dataDir, keyWrapper: wrapper }).decrypt(ciphertext)).toBe(SECRET);

    // Without the wrapper (another machine's keyring, browser mode) the key cannot be used.
    expectUnavailable(() => SecretVault.open({ dataDir }).decrypt(ciphertext));
    wrapper.available = false;
    const locked = SecretVault.open({ dataDir, keyWrapper: wrapper });
    expect(locked.keyId).toBe(vault.keyId);
    expectUnavailable(() => locked.decrypt(ciphertext));

    // Re-entering the secret starts a new key; the old key file is kept aside, not deleted.
    const fresh = locked.encrypt('re-entered');
    expect(locked.keyId).not.toBe(vault.keyId);
    expect(locked.decrypt(fresh)).toBe('re-entered');
    expect(existsSync(`${keyPath}.${vault.keyId}.unreadable`)).toBeTrue();
    expect(SecretVault.open({ dataDir }).decrypt(fresh)).toBe('re-entered');
  });

  it('treats a damaged key file as unusable', () => {
    const ciphertext = SecretVault.open({ dataDir }).encrypt(SECRET);
    writeFileSync(join(dataDir, 'vault.key'), '{"version":1');
    expectUnavailable(() => SecretVault.open({ dataDir }).decrypt(ciphertext));
  });
});
