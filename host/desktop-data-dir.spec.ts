import { join } from 'node:path';
import { desktopDataDir } from './desktop-data-dir.js';

describe('desktopDataDir', () => {
  it('follows Electron’s appData rules per platform', () => {
    expect(desktopDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe(
      join('C:\\Users\\li\\AppData\\Roaming', 'WeCom Live'),
    );
    expect(desktopDataDir('darwin', {}, '/Users/li')).toBe(
      join('/Users/li', 'Library', 'Application Support', 'WeCom Live'),
    );
    expect(desktopDataDir('linux', {}, '/home/li')).toBe(join('/home/li', '.config', 'WeCom Live'));
    expect(desktopDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe(join('/cfg', 'WeCom Live'));
  });
});
