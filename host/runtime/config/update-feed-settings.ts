// The update feed as the settings show and change it (R1.6): update.json through the same module
// the Electron updater reads it with, so what the page shows is what the next start uses.
import { inject, injectable } from 'tsyringe';
import type { UpdateFeedView } from '../../../sdk/contracts/config.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { HostSettings } from '../core/runtime-options.js';
import { HOST_SETTINGS } from '../core/tokens.js';
import {
  feedUrlProblem,
  readSavedFeedUrl,
  readUpdateFile,
  resolveUpdateFeed,
  UPDATE_FEED_ENV,
  validFeedUrl,
  writeUpdateFeed,
} from './update-feed-file.js';

/** Whether this process updates itself, and why (not): only the Electron app on Windows does. */
function autoUpdateOf(url: string | null): UpdateFeedView['autoUpdate'] {
  if (process.versions['electron'] === undefined) {
    return {
      applies: false,
      reason: '浏览器模式不会自动更新：请用新版本重新部署。这里保存的更新源供桌面版使用。',
    };
  }
  if (process.platform !== 'win32') return { applies: false, reason: '自动更新只用于 Windows 安装版。' };
  if (url === null) return { applies: false, reason: '没有设置更新源，不会自动更新。' };
  return {
    applies: true,
    reason: '安装版在启动后和每隔几小时检查一次更新，下载完成后提示重启。更改更新源在下次启动时生效。',
  };
}

@injectable()
export class UpdateFeedSettings {
  constructor(@inject(HOST_SETTINGS) private readonly settings: HostSettings) {}

  view(): UpdateFeedView {
    const { dataDir } = this.settings;
    const feed = resolveUpdateFeed(process.env, () => readUpdateFile(dataDir));
    return {
      url: feed.url,
      source: feed.source,
      savedUrl: readSavedFeedUrl(dataDir),
      envVariable: UPDATE_FEED_ENV,
      problem: feed.problem,
      autoUpdate: autoUpdateOf(feed.url),
    };
  }

  /** Saves the feed (null removes it); refused while the environment decides the feed. */
  set(url: string | null): string | null {
    if ((process.env[UPDATE_FEED_ENV] ?? '').trim() !== '') {
      throw new AppError(
        'CONFLICT',
        `更新源由环境变量 ${UPDATE_FEED_ENV} 指定，不能在这里修改；请先去掉该环境变量。`,
        { field: 'url' },
      );
    }
    if (url === null) {
      writeUpdateFeed(this.settings.dataDir, null);
      return null;
    }
    const problem = feedUrlProblem(url);
    const valid = validFeedUrl(url);
    if (problem !== null || valid === null) {
      throw new AppError('INVALID_INPUT', `更新源地址无效：${problem ?? '不是 https 网址'}。`, {
        field: 'url',
      });
    }
    writeUpdateFeed(this.settings.dataDir, valid);
    return valid;
  }
}
