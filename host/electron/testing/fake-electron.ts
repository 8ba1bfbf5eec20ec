// A stand-in for the `electron` module, so the real main process (dist/host/electron/main.js) can run
// under plain Node in the specs (the Electron binary cannot be downloaded here). It implements only
// what main.ts and its modules call, records it in `fake`, and behaves like Electron where the wiring
// depends on it: `ready` comes after the entry module has loaded, `quit` emits a preventable
// `before-quit`, windows announce their webContents through `web-contents-created`.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

type Listener = (...args: unknown[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent<T extends object>(extra: T): FakeEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly id: number) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return fake.loadedUrls.at(-1) ?? '';
  }
}

let nextWebContentsId = 1;

export class BrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents(nextWebContentsId++);
    fake.windows.push(this);
    app.emit('web-contents-created', fakeEvent({}), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    fake.loadedUrls.push(url);
    setImmediate(() => this.emit('ready-to-show'));
    fake.windowReady(this);
    return Promise.resolve();
  }
  show(): void {
    fake.shown += 1;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  private readonly paths = new Map<string, string>([['appData', tmpdir()]]);
  private isReady = false;
  private readonly ready: Promise<void>;
  constructor() {
    super();
    this.ready = new Promise((resolve) =>
      // Electron is ready some time after the entry module has been evaluated.
      setTimeout(() => {
        this.isReady = true;
        this.emit('ready');
        resolve();
      }, 20),
    );
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`fake electron: no path ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    if (this.isReady && name === 'userData') fake.problems.push('userData set after ready');
    this.paths.set(name, path);
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  setAppUserModelId(): void {}
  quit(): void {
    const event = fakeEvent({});
    this.emit('before-quit', event);
    fake.quitRequests += 1;
    if (!event.defaultPrevented) fake.onQuit();
  }
  exit(code: number): void {
    fake.onExit(code);
  }
  isReadyNow(): boolean {
    return this.isReady;
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.privilegedSchemes.push(...schemes);
    if (app.isReadyNow()) fake.problems.push('schemes registered after ready');
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    fake.protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    fake.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    fake.ipcHandlers.delete(channel);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    fake.dialogs.push({ kind: 'error', title, content });
  },
  showMessageBoxSync(options: Record<string, unknown>): number {
    fake.dialogs.push({ kind: 'message', ...options });
    return 0;
  },
  showMessageBox(options: Record<string, unknown>): Promise<{ response: number }> {
    fake.dialogs.push({ kind: 'message', ...options });
    return Promise.resolve({ response: 1 });
  },
  showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
  showSaveDialog(): Promise<{ canceled: boolean; filePath: string }> {
    return Promise.resolve({ canceled: true, filePath: '' });
  },
};

export const Menu = {
  setApplicationMenu(menu: unknown): void {
    fake.menus.push(menu);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener): void {
      fake.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener): void {
      fake.permissionCheckHandler = handler;
    },
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    fake.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const autoUpdater = Object.assign(new EventEmitter(), {
  setFeedURL(): void {
    fake.problems.push('auto-update configured');
  },
  checkForUpdates(): void {},
  quitAndInstall(): void {},
});

/** Marks what the fake safeStorage "encrypted", so a spec can tell it from the raw key. */
export const FAKE_SAFE_STORAGE_PREFIX = 'FAKE-SAFESTORAGE:';

/**
 * safeStorage with a clearly fake, reversible "encryption" (a marker, then the bytes XOR 0xA5), so the
 * vault key file differs from the raw key and unwraps again. WECOM_LIVE_FAKE_SAFE_STORAGE=unavailable
 * plays a machine whose keyring is locked or missing.
 */
export const safeStorage = {
  isEncryptionAvailable(): boolean {
    return process.env['WECOM_LIVE_FAKE_SAFE_STORAGE'] !== 'unavailable';
  },
  getSelectedStorageBackend(): string {
    return safeStorage.isEncryptionAvailable() ? 'gnome_libsecret' : 'unknown';
  },
  encryptString(plainText: string): Buffer {
    if (!safeStorage.isEncryptionAvailable())
      throw new Error('fake safeStorage: encryption is not available');
    fake.safeStorageCalls += 1;
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0xa5);
    return Buffer.concat([Buffer.from(FAKE_SAFE_STORAGE_PREFIX, 'utf8'), body]);
  },
  decryptString(encrypted: Buffer): string {
    if (!safeStorage.isEncryptionAvailable())
      throw new Error('fake safeStorage: decryption is not available');
    const prefix = Buffer.from(FAKE_SAFE_STORAGE_PREFIX, 'utf8');
    if (!encrypted.subarray(0, prefix.length).equals(prefix)) throw new Error('fake safeStorage: not ours');
    fake.safeStorageCalls += 1;
    return Buffer.from(encrypted.subarray(prefix.length).map((byte) => byte ^ 0xa5)).toString('utf8');
  },
};

export const contextBridge = {};
export const ipcRenderer = {};

/** What the app did, and hooks for the driver. */
export const fake = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as BrowserWindow[],
  loadedUrls: [] as string[],
  dialogs: [] as Record<string, unknown>[],
  menus: [] as unknown[],
  openedExternally: [] as string[],
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  problems: [] as string[],
  shown: 0,
  quitRequests: 0,
  safeStorageCalls: 0,
  fakeEvent,
  windowReady: (_window: BrowserWindow): void => undefined,
  onQuit: (): void => undefined,
  onExit: (code: number): void => process.exit(code),
};

export default {
  app,
  protocol,
  ipcMain,
  dialog,
  Menu,
  session,
  shell,
  autoUpdater,
  BrowserWindow,
  safeStorage,
};
