import { app, dialog, Menu } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../runtime/app-info.js';
import { HostRuntime } from '../runtime/host-runtime.js';
import { serveAppProtocol } from './app-protocol.js';
import { startAutoUpdate } from './auto-update.js';
import { IpcBridge } from './ipc-bridge.js';
import type { LaunchOptions } from './launch-options.js';
import { createMainWindow } from './main-window.js';
import { describeStartFailure } from './start-failure.js';
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
    runtime = await HostRuntime.start({
      dataDir,
      pluginDirs: [join(appRoot(), 'dist', 'plugins')],
      ...(options.wecomBaseUrl === null ? {} : { wecomBaseUrl: options.wecomBaseUrl }),
    });
  } catch (error) {
    return fatal(describeStartFailure(error), 1);
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

  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
  installWindowSecurity();
  serveAppProtocol(join(appRoot(), 'dist', 'ui', 'browser'));
  bridge.attach(createMainWindow(join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs')));
  runtime.log.info({ dataDir }, 'electron window opened');

  const feed = resolveUpdateFeed(process.env, () => readUpdateFile(dataDir));
  if (feed.problem !== null) runtime.log.warn({ problem: feed.problem }, 'auto-update: feed not used');
  startAutoUpdate(feed.url, runtime.log);
}
