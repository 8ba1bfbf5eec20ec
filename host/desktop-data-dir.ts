import { homedir } from 'node:os';
import { join } from 'node:path';

/** The desktop app's folder name under the OS's per-user app-data folder (Electron's `userData`). */
export const DESKTOP_APP_NAME = 'WeCom Live';

/**
 * The data folder the desktop app uses when no `--data-dir` is given: Electron's
 * `app.getPath('userData')`, computed without Electron (Electron's own rules for `appData`), so a
 * terminal command such as `npm start -- --reset-root` acts on the same folder as the app.
 */
export function desktopDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  let appData: string;
  if (platform === 'win32') appData = env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else appData = env['XDG_CONFIG_HOME'] ?? join(home, '.config');
  return join(appData, DESKTOP_APP_NAME);
}
