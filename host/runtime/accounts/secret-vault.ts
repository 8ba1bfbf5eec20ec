// Encrypts the secrets kept in the database (the app Secret) with one random data key stored next to
// config.json, never next to the database (docs/architecture.md "Security"): a copied database or export alone reveals
// nothing, and a secret that cannot be decrypted asks the user to enter it again.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../sdk/contracts/errors.js';

export const VAULT_KEY_FILE_NAME = 'vault.key';

/** Protects the data key with the OS (Electron safeStorage); the vault works without one too. */
export interface KeyWrapper {
  readonly name: string;
  isAvailable(): boolean;
  wrap(plain: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

/** A saved secret cannot be decrypted here; the user must enter it again. */
export class SecretUnavailableError extends AppError {
  constructor() {
    super(
      'WECOM_CONFIG_INVALID',
      '无法解密已保存的应用Secret（数据目录可能从其他电脑复制而来），请重新输入应用Secret。',
      { field: 'corpsecret', reason: 'undecryptable' },
    );
    this.name = 'SecretUnavailableError';
  }
}

/**
 * The data key is protected by the OS (Electron safeStorage), which is not usable here right now: a
 * locked or missing keyring, or the desktop app's data dir opened in browser mode. Nothing is lost yet,
 * so the vault neither decrypts nor starts a new key (that would orphan every saved secret for good).
 */
export class KeyProtectionUnavailableError extends AppError {
  constructor(wrappedBy: string) {
    super(
      'WECOM_CONFIG_INVALID',
      '已保存的应用Secret由系统密钥保管（Electron safeStorage）加密，但它在本机当前不可用' +
        '（例如系统钥匙串未解锁，或以浏览器模式打开了桌面版的数据目录）。' +
        '为免已保存的Secret失效，应用不会另建密钥：请解锁系统钥匙串后重启桌面版。' +
        `确定无法恢复时，可将数据目录中的 ${VAULT_KEY_FILE_NAME} 移到别处，再重新输入各企业的应用Secret。`,
      { reason: 'keyProtectionUnavailable', wrappedBy },
    );
    this.name = 'KeyProtectionUnavailableError';
  }
}

interface KeyFile {
  version: 1;
  keyId: string;
  wrappedBy: string;
  key: string;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = '[A-Za-z0-9+/]*={0,2}';
const CIPHERTEXT = new RegExp(`^${VERSION}:([0-9a-f]{16}):(${BASE64}):(${BASE64}):(${BASE64})$`);

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function readKeyFile(path: string): KeyFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyFile>;
    const valid =
      parsed.version === 1 &&
      typeof parsed.keyId === 'string' &&
      /^[0-9a-f]{16}$/.test(parsed.keyId) &&
      typeof parsed.wrappedBy === 'string' &&
      typeof parsed.key === 'string';
    return valid ? (parsed as KeyFile) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return null;
  }
}

/**
 * What this machine can do with a key file: use its key; not now, because the protection it was wrapped
 * with is unavailable here (the key may still be fine); or never (damaged, edited, another machine's).
 */
type Unwrapped =
  { kind: 'key'; key: Buffer } | { kind: 'protected'; wrappedBy: string } | { kind: 'unusable' };

function unwrapKey(file: KeyFile, keyWrapper: KeyWrapper | undefined): Unwrapped {
  const usable =
    file.wrappedBy === 'none' || (keyWrapper?.name === file.wrappedBy && keyWrapper.isAvailable());
  if (!usable) return { kind: 'protected', wrappedBy: file.wrappedBy };
  try {
    const stored = Buffer.from(file.key, 'base64');
    const key = file.wrappedBy === 'none' ? stored : (keyWrapper as KeyWrapper).unwrap(stored);
    // A key that does not hash to its id was unwrapped wrongly (another OS account or machine) or edited.
    return key.length === KEY_BYTES && keyIdOf(key) === file.keyId
      ? { kind: 'key', key }
      : { kind: 'unusable' };
  } catch {
    return { kind: 'unusable' };
  }
}

/** The file with its key wrapped, when it was stored plain and the protection is available now. */
function upgradedKeyFile(file: KeyFile, key: Buffer, keyWrapper: KeyWrapper | undefined): KeyFile | null {
  if (file.wrappedBy !== 'none' || keyWrapper === undefined || !keyWrapper.isAvailable()) return null;
  try {
    const wrapped = keyWrapper.wrap(key);
    // Only a wrapping that unwraps to the same key replaces the plain one.
    if (!keyWrapper.unwrap(wrapped).equals(key)) return null;
    return { ...file, wrappedBy: keyWrapper.name, key: wrapped.toString('base64') };
  } catch {
    return null;
  }
}

function writeKeyFile(path: string, file: KeyFile): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    // The mode given at creation is narrowed by the umask only; chmod states it plainly.
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export class SecretVault {
  private readonly path: string;
  private readonly keyWrapper: KeyWrapper | undefined;
  private key: Buffer | null;
  private id: string;
  /** Set while the key's OS protection is unavailable here: nothing is decrypted, no new key is made. */
  private readonly protectedBy: string | null;

  private constructor(
    path: string,
    keyWrapper: KeyWrapper | undefined,
    key: Buffer | null,
    keyId: string,
    protectedBy: string | null = null,
  ) {
    this.path = path;
    this.keyWrapper = keyWrapper;
    this.key = key;
    this.id = keyId;
    this.protectedBy = protectedBy;
  }

  /**
   * Opens the data dir's vault, creating its key on first use (wrapped when `keyWrapper` is available).
   * A plain key from before the wrapper is kept and wrapped from now on. A key this machine can never
   * unwrap (damaged, another machine's) does not fail the open: decrypt() throws SecretUnavailableError
   * and the next encrypt() starts a new key. A key whose protection is merely unavailable here makes both
   * throw KeyProtectionUnavailableError instead, so the saved secrets are not orphaned.
   */
  static open(options: { dataDir: string; keyWrapper?: KeyWrapper }): SecretVault {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, VAULT_KEY_FILE_NAME);
    const wrapper = options.keyWrapper;
    let file: KeyFile | null;
    try {
      file = readKeyFile(path);
    } catch {
      const key = SecretVault.createKey(path, wrapper);
      return new SecretVault(path, wrapper, key, keyIdOf(key));
    }
    if (file === null) return new SecretVault(path, wrapper, null, 'unreadable');
    const unwrapped = unwrapKey(file, wrapper);
    if (unwrapped.kind === 'protected') {
      return new SecretVault(path, wrapper, null, file.keyId, unwrapped.wrappedBy);
    }
    if (unwrapped.kind === 'unusable') return new SecretVault(path, wrapper, null, file.keyId);
    const upgraded = upgradedKeyFile(file, unwrapped.key, wrapper);
    if (upgraded !== null) writeKeyFile(path, upgraded);
    return new SecretVault(path, wrapper, unwrapped.key, file.keyId);
  }

  /** The OS protection the key needs and that is unavailable here, or null. */
  get unavailableProtection(): string | null {
    return this.protectedBy;
  }

  private static createKey(path: string, keyWrapper: KeyWrapper | undefined): Buffer {
    const key = randomBytes(KEY_BYTES);
    const wrapper = keyWrapper?.isAvailable() ? keyWrapper : undefined;
    writeKeyFile(path, {
      version: 1,
      keyId: keyIdOf(key),
      wrappedBy: wrapper?.name ?? 'none',
      key: (wrapper ? wrapper.wrap(key) : key).toString('base64'),
    });
    return key;
  }

  /** Identifies the data key; every ciphertext carries it. */
  get keyId(): string {
    return this.id;
  }

  encrypt(plaintext: string): string {
    if (this.protectedBy !== null) throw new KeyProtectionUnavailableError(this.protectedBy);
    if (this.key === null) {
      // The old key is unusable here, so nothing sealed with it can be read anyway. Its file is kept
      // aside in case the OS keyring comes back; the new key serves the secret being re-entered.
      renameSync(this.path, `${this.path}.${this.id}.unreadable`);
      this.key = SecretVault.createKey(this.path, this.keyWrapper);
      this.id = keyIdOf(this.key);
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    // The version and key id are authenticated too, so neither can be swapped unnoticed.
    cipher.setAAD(Buffer.from(`${VERSION}:${this.id}`));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(
      ':',
    );
  }

  /**
   * Throws SecretUnavailableError for another key's ciphertext, a tampered one or an unusable key, and
   * KeyProtectionUnavailableError while the key's OS protection is unavailable.
   */
  decrypt(ciphertext: string): string {
    if (this.protectedBy !== null) throw new KeyProtectionUnavailableError(this.protectedBy);
    const match = CIPHERTEXT.exec(ciphertext);
    if (match === null || this.key === null || match[1] !== this.id) throw new SecretUnavailableError();
    const [, keyId, iv, tag, body] = match as unknown as [string, string, string, string, string];
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnavailableError();
    }
  }

  /** Whether a stored value is a vault ciphertext (and not, say, a secret saved before the vault). */
  isEncrypted(value: string): boolean {
    return CIPHERTEXT.test(value);
  }
}
