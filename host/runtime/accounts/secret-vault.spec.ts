import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../sdk/contracts/errors.js';
import {
  KeyProtectionUnavailableError,
  SecretUnavailableError,
  SecretVault,
  type KeyWrapper,
} from './secret-vault.js';

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

function expectProtectionUnavailable(action: () => unknown): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(KeyProtectionUnavailableError);
  const error = thrown as KeyProtectionUnavailableError;
  expect(error.code).toBe('WECOM_CONFIG_INVALID');
  expect(error.details).toEqual({ reason: 'keyProtectionUnavailable', wrappedBy: 'test-xor' });
  expect(error.message).toContain('系统密钥保管');
  expect(error.message).toContain('vault.key');
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

  it('wraps the key when a wrapper is available, and keeps it sealed (not replaced) when it no longer is', () => {
    const wrapper = new XorKeyWrapper();
    const vault = SecretVault.open({ dataDir, keyWrapper: wrapper });
    const ciphertext = vault.encrypt(SECRET);
    const keyPath = join(dataDir, 'vault.key');
    const keyFile = readFileSync(keyPath, 'utf8');
    expect((JSON.parse(keyFile) as Record<string, unknown>).wrappedBy).toBe('test-xor');
    expect(SecretVault.open({ dataDir, keyWrapper: wrapper }).decrypt(ciphertext)).toBe(SECRET);

    // Without the protection (a locked keyring; browser mode on the desktop's folder) nothing is read
    // and, above all, no new key replaces the sealed one: the saved secrets come back with the keyring.
    wrapper.available = false;
    for (const locked of [
      SecretVault.open({ dataDir, keyWrapper: wrapper }),
      SecretVault.open({ dataDir }),
    ]) {
      expect(locked.keyId).toBe(vault.keyId);
      expect(locked.unavailableProtection).toBe('test-xor');
      expectProtectionUnavailable(() => locked.decrypt(ciphertext));
      expectProtectionUnavailable(() => locked.encrypt('re-entered'));
    }
    expect(readFileSync(keyPath, 'utf8')).toBe(keyFile);
    expect(readdirSync(dataDir)).toEqual(['vault.key']);

    wrapper.available = true;
    expect(SecretVault.open({ dataDir, keyWrapper: wrapper }).decrypt(ciphertext)).toBe(SECRET);
  });

  it('wraps a key written before the wrapper existed, keeping its id and secrets', () => {
    const plain = SecretVault.open({ dataDir });
    const ciphertext = plain.encrypt(SECRET);
    const keyPath = join(dataDir, 'vault.key');
    const rawKey = (JSON.parse(readFileSync(keyPath, 'utf8')) as { key: string }).key;

    const wrapper = new XorKeyWrapper();
    const upgraded = SecretVault.open({ dataDir, keyWrapper: wrapper });
    expect(upgraded.keyId).toBe(plain.keyId);
    expect(upgraded.decrypt(ciphertext)).toBe(SECRET);
    const file = JSON.parse(readFileSync(keyPath, 'utf8')) as { wrappedBy: string; key: string };
    expect(file.wrappedBy).toBe('test-xor');
    expect(file.key).not.toBe(rawKey);
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(SecretVault.open({ dataDir, keyWrapper: wrapper }).decrypt(ciphertext)).toBe(SECRET);

    // An unavailable wrapper leaves a plain key as it is.
    const other = join(root, 'other');
    const unwrapped = SecretVault.open({ dataDir: other });
    wrapper.available = false;
    expect(SecretVault.open({ dataDir: other, keyWrapper: wrapper }).keyId).toBe(unwrapped.keyId);
    expect(readFileSync(join(other, 'vault.key'), 'utf8')).toContain('"wrappedBy": "none"');
  });

  it("starts a new key, keeping the old one aside, when the wrapper cannot unwrap it (another machine's)", () => {
    const vault = SecretVault.open({ dataDir, keyWrapper: new XorKeyWrapper() });
    const ciphertext = vault.encrypt(SECRET);
    const elsewhere = new XorKeyWrapper();
    // Same protection, other OS account: the unwrap succeeds but yields another key.
    elsewhere.unwrap = (wrapped) => Buffer.from(wrapped.map((byte) => byte ^ 0x33));
    const moved = SecretVault.open({ dataDir, keyWrapper: elsewhere });
    expect(moved.unavailableProtection).toBeNull();
    expectUnavailable(() => moved.decrypt(ciphertext));
    const fresh = moved.encrypt('re-entered');
    expect(moved.keyId).not.toBe(vault.keyId);
    expect(moved.decrypt(fresh)).toBe('re-entered');
    expect(existsSync(join(dataDir, `vault.key.${vault.keyId}.unreadable`))).toBeTrue();
  });

  it('treats a damaged key file as unusable', () => {
    const ciphertext = SecretVault.open({ dataDir }).encrypt(SECRET);
    writeFileSync(join(dataDir, 'vault.key'), '{"version":1');
    expectUnavailable(() => SecretVault.open({ dataDir }).decrypt(ciphertext));
  });
});
