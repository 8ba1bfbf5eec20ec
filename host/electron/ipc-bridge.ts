import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../sdk/contracts/rpc.js';
import type { ElectronRuntime } from './electron-runtime.js';
import { EventForwarder } from './event-forwarder.js';
import { NativeFiles, type FileDialogs } from './native-files.js';
import { isTrustedSender } from './sender-policy.js';
import { SessionBinding } from './session-binding.js';
import { WindowRpc } from './window-rpc.js';

/** The IPC channel of every call (`ipcRenderer.invoke('rpc', channel, input)` in the preload). */
export const RPC_IPC_CHANNEL = 'rpc';
/** The channel events travel on (`webContents.send('event', type, payload)`). */
export const EVENT_IPC_CHANNEL = 'event';

/**
 * Connects the app's windows to the runtime: one `ipcMain.handle('rpc')` that checks the sender and
 * dispatches with the window's session (kept here, never in the renderer), native file dialogs, and
 * the host's events forwarded to each window its user may see.
 */
export class IpcBridge {
  private readonly windows = new Map<number, BrowserWindow>();
  private readonly binding = new SessionBinding();
  private readonly rpc: WindowRpc;
  private readonly forwarder: EventForwarder;

  constructor(private readonly runtime: ElectronRuntime) {
    const dialogs: FileDialogs = {
      pickOpen: async (windowId, { title, filters }) => {
        const options = { title, filters, properties: ['openFile' as const] };
        const parent = this.windows.get(windowId);
        const answer = parent
          ? await dialog.showOpenDialog(parent, options)
          : await dialog.showOpenDialog(options);
        return answer.canceled ? null : (answer.filePaths[0] ?? null);
      },
      saveAs: async (windowId, { title, defaultName, filters }) => {
        const options = {
          title,
          defaultPath: defaultName,
          filters,
          properties: ['showOverwriteConfirmation' as const],
        };
        const parent = this.windows.get(windowId);
        const answer = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return answer.canceled || answer.filePath === undefined || answer.filePath === ''
          ? null
          : answer.filePath;
      },
    };
    this.rpc = new WindowRpc(runtime, this.binding, new NativeFiles(runtime, dialogs));
    this.forwarder = new EventForwarder({
      events: runtime.events.all(),
      binding: this.binding,
      send: (windowId, type, payload) => {
        const window = this.windows.get(windowId);
        if (window !== undefined && !window.isDestroyed())
          window.webContents.send(EVENT_IPC_CHANNEL, type, payload);
      },
      isActive: (sessionId) => runtime.sessions.isActive(sessionId),
      log: runtime.log,
    });
  }

  start(): void {
    ipcMain.handle(RPC_IPC_CHANNEL, (event, channel: unknown, input: unknown) =>
      this.handle(event, channel, input),
    );
    this.forwarder.start();
  }

  /** Stops answering and forwarding (before the runtime stops). */
  stop(): void {
    ipcMain.removeHandler(RPC_IPC_CHANNEL);
    this.forwarder.stop();
  }

  /** Makes a window one of ours: only its main frame on `app://` may call the host. */
  attach(window: BrowserWindow): void {
    const id = window.webContents.id;
    this.windows.set(id, window);
    window.on('closed', () => {
      this.windows.delete(id);
      this.rpc.forget(id);
    });
  }

  /** The first open window (the second-instance handler focuses it). */
  firstWindow(): BrowserWindow | null {
    for (const window of this.windows.values()) if (!window.isDestroyed()) return window;
    return null;
  }

  private handle(event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<unknown> {
    const frame = event.senderFrame;
    const sender = {
      webContentsId: event.sender.id,
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
    };
    if (!isTrustedSender(sender, new Set(this.windows.keys()))) {
      this.runtime.log.warn(
        { webContentsId: sender.webContentsId },
        'electron: IPC from an untrusted sender refused',
      );
      return Promise.resolve(fail({ code: 'FORBIDDEN', message: '请求来源不受信任。' }));
    }
    return this.rpc.call(event.sender.id, channel, input);
  }
}
