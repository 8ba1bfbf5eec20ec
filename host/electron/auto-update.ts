import { app, autoUpdater, dialog } from 'electron';
import type { Logger } from 'pino';
import { shouldAutoUpdate } from './update-feed.js';

const FIRST_CHECK_DELAY_MS = 30_000;
const CHECK_EVERY_MS = 4 * 60 * 60_000;

/**
 * Squirrel.Windows updates from the configured feed (see update-feed.ts): checks after start and every
 * few hours, downloads in the background, and offers a restart once an update is ready. Does nothing
 * elsewhere (not installed, not Windows, no feed), so never in development or tests.
 */
export function startAutoUpdate(feedUrl: string | null, log: Logger): void {
  if (
    feedUrl === null ||
    !shouldAutoUpdate({ platform: process.platform, isPackaged: app.isPackaged, argv: process.argv, feedUrl })
  ) {
    return;
  }
  try {
    autoUpdater.setFeedURL({ url: feedUrl });
  } catch (error) {
    log.warn({ err: error }, 'auto-update: feed refused');
    return;
  }
  autoUpdater.on('error', (error) => log.warn({ err: error }, 'auto-update failed'));
  autoUpdater.on('update-downloaded', (_event, _notes, releaseName) => {
    log.info({ releaseName }, 'auto-update: update downloaded');
    void dialog
      .showMessageBox({
        type: 'info',
        title: '企微直播助手',
        message: '新版本已下载完成',
        detail: '重新启动后即可使用新版本。正在运行的任务会先保存再退出。',
        buttons: ['立即重启', '稍后'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (response === 0) autoUpdater.quitAndInstall();
      });
  });
  const check = (): void => {
    try {
      autoUpdater.checkForUpdates();
    } catch (error) {
      log.warn({ err: error }, 'auto-update: check failed');
    }
  };
  setTimeout(check, FIRST_CHECK_DELAY_MS).unref();
  setInterval(check, CHECK_EVERY_MS).unref();
}
