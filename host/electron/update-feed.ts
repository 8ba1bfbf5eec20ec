// The feed itself (env or update.json, validation) is host/runtime/config/update-feed-file.ts, shared with the
// settings channels; this file adds what only the Electron updater needs.
export {
  readUpdateFile,
  resolveUpdateFeed,
  UPDATE_FEED_ENV,
  UPDATE_FILE_NAME,
  validFeedUrl,
  type UpdateFeed,
} from '../runtime/config/update-feed-file.js';

/**
 * Automatic updates run only in the installed Windows app (Squirrel.Windows) with a feed, and not on
 * Squirrel's first run, when the installer still holds the update lock.
 */
export function shouldAutoUpdate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  argv: readonly string[];
  feedUrl: string | null;
}): boolean {
  return (
    options.platform === 'win32' &&
    options.isPackaged &&
    options.feedUrl !== null &&
    !options.argv.includes('--squirrel-firstrun')
  );
}
