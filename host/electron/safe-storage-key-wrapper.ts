import type { KeyWrapper } from '../runtime/accounts/secret-vault.js';

/** The part of Electron's `safeStorage` the vault key needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. a fixed password that protects nothing. */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_WRAPPER_NAME = 'electron-safeStorage';

/**
 * Wraps the vault's data key with the OS (DPAPI on Windows, Keychain, a Linux keyring) through
 * Electron's safeStorage (docs/architecture.md "Electron"). Reports itself unavailable where safeStorage would only
 * pretend to protect (Linux without a keyring); the vault then keeps the 0600 key file. Call after
 * `app.whenReady()`: on Linux safeStorage is not available before.
 */
export function safeStorageKeyWrapper(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyWrapper {
  return {
    name: SAFE_STORAGE_WRAPPER_NAME,
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    },
    // safeStorage encrypts strings; the key travels as base64 inside.
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
