import { app, dialog, Menu, safeStorage } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../runtime/core/app-info.js';
import { HostRuntime } from '../runtime/core/host-runtime.js';
import { KeyProtectionUnavailableError, type SecretVault } from '../runtime/accounts/secret-vault.js';
import { SECRET_VAULT } from '../runtime/core/tokens.js';
import { serveAppProtocol } from './app-protocol.js';
import { startAutoUpdate } from './auto-update.js';
import { IpcBridge } from './ipc-bridge.js';
import { loadBootstrapConfig } from '../runtime/config/bootstrap-config.js';
import { permittedWecomBaseUrl, type LaunchOptions } from './launch-options.js';
import { createMainWindow } from './main-window.js';
import { describeStartFailure } from './start-failure.js';
import { safeStorageKeyWrapper } from './safe-storage-key-wrapper.js';
import { readUpdateFile, resolveUpdateFeed } from './update-feed.js';
import { installWindowSecurity } from './window-security.js';

const APP_TITLE = '企微直播助手';
/** Squirrel's app user model id (`com.squirrel.<maker name>.<executable>`), for the taskbar. */
const APP_USER_MODEL_ID = 'com.squirrel.wecom_live.wecom-live';
// A shutdown that hangs (a stuck job) must not keep the process alive forever.
const SHUTDOWN_TIMEOUT_MS = 15_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Shows why the app cannot start (a GUI app has no console) and exits. */
async function fatal(message: string, code: number): Promise<void> {
  await app.whenReady();
  dialog.showErrorBox(`${APP_TITLE}无法启动`, message);
  app.exit(code);
}

/** Stops the runtime before Electron quits; a second quit request while stopping just waits. */
function stopOnQuit(runtime: HostRuntime, bridge: IpcBridge): void {
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    const timeout = setTimeout(() => app.exit(1), SHUTDOWN_TIMEOUT_MS);
    bridge.stop();
    runtime
      .stop()
      .catch((error: unknown) => process.stderr.write(`停止时出错：${messageOf(error)}\n`))
      .finally(() => {
        clearTimeout(timeout);
        stopped = true;
        app.quit();
      });
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}

/**
 * Says so at start when the vault key is protected by safeStorage and safeStorage is unavailable now:
 * the app still opens, but saved secrets stay sealed (not replaced) until the keyring is back.
 */
function warnIfVaultLocked(runtime: HostRuntime): void {
  const wrappedBy = runtime.container.resolve<SecretVault>(SECRET_VAULT).unavailableProtection;
  if (wrappedBy === null) return;
  runtime.log.warn({ wrappedBy }, 'vault key protection unavailable: saved secrets stay sealed');
  void dialog.showMessageBox({
    type: 'warning',
    title: APP_TITLE,
    message: '无法读取已保存的应用Secret',
    detail: new KeyProtectionUnavailableError(wrappedBy).message,
    buttons: ['知道了'],
  });
}

/**
 * The desktop app proper, once main.ts has dealt with Squirrel, the command line, the data dir and the
 * single-instance lock: the runtime on `dataDir`, the IPC bridge, the app:// build, one window, and
 * automatic updates where they apply.
 */
export async function runDesktopApp(options: LaunchOptions, dataDir: string): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Started once ready: the vault key's OS protection (safeStorage) is available only from then on.
  await app.whenReady();
  let runtime: HostRuntime;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const wecomBaseUrl = permittedWecomBaseUrl(options, {
      isPackaged: app.isPackaged,
      developerSetting: loadBootstrapConfig(dataDir).developer.allowWecomBaseUrl,
    });
    runtime = await HostRuntime.start({
      dataDir,
      pluginDirs: [join(appRoot(), 'dist', 'plugins')],
      guardProcess: true,
      // The OS protects the vault key where safeStorage really encrypts (the wrapper checks that each
      // time, Linux without a keyring included); a key written before it is wrapped on this start.
      keyWrapper: safeStorageKeyWrapper(safeStorage, process.platform),
      ...(wecomBaseUrl === null ? {} : { wecomBaseUrl }),
    });
  } catch (error) {
    return fatal(describeStartFailure(error), 1);
  }

  warnIfVaultLocked(runtime);
  const bridge = new IpcBridge(runtime);
  bridge.start();
  stopOnQuit(runtime, bridge);
  app.on('second-instance', () => {
    const window = bridge.firstWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
  installWindowSecurity();
  serveAppProtocol(join(appRoot(), 'dist', 'ui', 'browser'));
  bridge.attach(createMainWindow(join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs')));
  runtime.log.info({ dataDir }, 'electron window opened');

  const feed = resolveUpdateFeed(process.env, () => readUpdateFile(dataDir));
  if (feed.problem !== null) runtime.log.warn({ problem: feed.problem }, 'auto-update: feed not used');
  startAutoUpdate(feed.url, runtime.log);
}
