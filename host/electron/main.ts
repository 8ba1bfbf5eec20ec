// The Electron main process (docs/architecture.md "Electron"): a thin adapter over the HostRuntime. This entry stays
// small so Squirrel.Windows events are answered at once and a module that fails to load (a native
// addon built for another ABI) ends in a Chinese message box rather than Electron's crash dialog.
// Squirrel install/update/uninstall events come first: that module handles them and quits the app.
import handledSquirrelEvent from 'electron-squirrel-startup';
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { DESKTOP_APP_NAME } from '../desktop-data-dir.js';
import { registerAppScheme } from './app-protocol.js';
import { LaunchArgsError, parseLaunchArgs, type LaunchOptions } from './launch-options.js';
import { describeStartFailure } from './start-failure.js';

/** The product name: the data folder is named after it, in development as when installed. */

async function failToStart(message: string, code: number): Promise<void> {
  await app.whenReady();
  dialog.showErrorBox('企微直播助手无法启动', message);
  app.exit(code);
}

async function start(options: LaunchOptions, dataDir: string): Promise<void> {
  if (options.resetRoot) {
    const { resetRootWithDialog } = await import('./reset-root-dialog.js');
    app.exit(await resetRootWithDialog(dataDir));
    return;
  }
  await import('reflect-metadata');
  const { runDesktopApp } = await import('./desktop-app.js');
  await runDesktopApp(options, dataDir);
}

function main(): void {
  if (handledSquirrelEvent) return;
  // Privileged schemes can only be declared before the app is ready: synchronously, at load.
  registerAppScheme();
  let options: LaunchOptions;
  try {
    // Development: `electron <appRoot> ...`; installed: `wecom-live.exe ...`.
    options = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
  } catch (error) {
    if (!(error instanceof LaunchArgsError)) throw error;
    void failToStart(error.message, 2);
    return;
  }
  // One folder holds the runtime's data and Chromium's profile, so the single-instance lock is per data
  // dir; userData can only move before ready, hence here and synchronously.
  app.setPath('userData', options.dataDir ?? join(app.getPath('appData'), DESKTOP_APP_NAME));
  const dataDir = app.getPath('userData');
  // The reset refuses by itself while the app runs on the folder; it must not just focus that window.
  if (!options.resetRoot && !app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  start(options, dataDir).catch((error: unknown) => failToStart(describeStartFailure(error), 1));
}

main();
