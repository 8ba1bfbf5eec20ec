// The Electron main process (ARCHITECTURE §1): a thin adapter that starts the HostRuntime on the app's
// data dir, serves the Angular build on app://, opens one sandboxed window and forwards IPC. Everything
// it calls into runs, and is tested, under plain Node; this file only wires Electron to it.
// Squirrel.Windows install/update/uninstall events come first: that module handles them and quits.
import handledSquirrelEvent from 'electron-squirrel-startup';
import 'reflect-metadata';
import { app, dialog, Menu } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../runtime/app-info.js';
import { HostRuntime } from '../runtime/host-runtime.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { startAutoUpdate } from './auto-update.js';
import { IpcBridge } from './ipc-bridge.js';
import { LaunchArgsError, parseLaunchArgs } from './launch-options.js';
import { createMainWindow } from './main-window.js';
import { resetRootWithDialog } from './reset-root-dialog.js';
import { readUpdateFile, resolveUpdateFeed } from './update-feed.js';
import { installWindowSecurity } from './window-security.js';

/** The product name: Electron's userData folder is named after it, in development as when installed. */
const APP_NAME = 'WeCom Live';
const TITLE = '企微直播助手';
/** Squirrel's app user model id (`com.squirrel.<maker name>.<executable>`), for the taskbar. */
const APP_USER_MODEL_ID = 'com.squirrel.wecom_live.wecom-live';
// A shutdown that hangs (a stuck job) must not keep the process alive forever.
const SHUTDOWN_TIMEOUT_MS = 15_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fatal(message: string, code: number): Promise<void> {
  await app.whenReady();
  dialog.showErrorBox(`${TITLE}无法启动`, message);
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

async function main(): Promise<void> {
  if (handledSquirrelEvent) return;
  let options;
  try {
    // Development: `electron <appRoot> ...`; installed: `wecom-live.exe ...`.
    options = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
  } catch (error) {
    if (!(error instanceof LaunchArgsError)) throw error;
    return fatal(error.message, 2);
  }
  // One folder holds the runtime's data and Chromium's profile; the single-instance lock is per folder.
  app.setPath('userData', options.dataDir ?? join(app.getPath('appData'), APP_NAME));
  const dataDir = app.getPath('userData');
  if (options.resetRoot) {
    app.exit(await resetRootWithDialog(dataDir));
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let runtime: HostRuntime;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    runtime = await HostRuntime.start({
      dataDir,
      pluginDirs: [join(appRoot(), 'dist', 'plugins')],
      ...(options.wecomBaseUrl === null ? {} : { wecomBaseUrl: options.wecomBaseUrl }),
    });
  } catch (error) {
    // The data-dir lock's own message already says, in Chinese, that another process uses the folder.
    return fatal(messageOf(error), 1);
  }

  const bridge = new IpcBridge(runtime);
  bridge.start();
  stopOnQuit(runtime, bridge);
  app.on('second-instance', () => {
    const window = bridge.firstWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
  installWindowSecurity();
  serveAppProtocol(join(appRoot(), 'dist', 'ui', 'browser'));
  bridge.attach(createMainWindow(join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs')));
  runtime.log.info({ dataDir }, 'electron window opened');

  const feed = resolveUpdateFeed(process.env, () => readUpdateFile(dataDir));
  if (feed.problem !== null) runtime.log.warn({ problem: feed.problem }, 'auto-update: feed not used');
  startAutoUpdate(feed.url, runtime.log);
}

// Privileged schemes can only be declared before the app is ready: synchronously, at load.
registerAppScheme();
main().catch((error: unknown) => fatal(messageOf(error), 1));
