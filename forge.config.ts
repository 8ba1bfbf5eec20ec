// `npm run make`: electron-forge packages the built app (package.json `main` → dist/host/electron/main.js)
// and makes the Squirrel.Windows installer. Electron's platform builds cannot be downloaded on our
// machines, so `npm test` only checks that this config loads and typechecks (ARCHITECTURE §5).
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';

/** Build output the installed app does not run: specs, test harnesses, the benchmark, this file. */
const UNUSED_IN_APP = [
  /^\/dist\/(tests|bench)(\/|$)/,
  /^\/dist\/host\/electron\/testing(\/|$)/,
  /^\/dist\/forge\.config\.js(\.map)?$/,
  /\.spec\.js(\.map)?$/,
];

/**
 * Packager's ignore rule (paths relative to the app folder, starting with "/"): only package.json,
 * the build in dist/ and the production node_modules (packager prunes devDependencies) go into the
 * app; sources, docs and test output stay out.
 */
export function ignoredInPackage(path: string): boolean {
  if (path === '' || path === '/package.json') return false;
  const top = path.split('/')[1] ?? '';
  if (top !== 'dist' && top !== 'node_modules') return true;
  return UNUSED_IN_APP.some((pattern) => pattern.test(path));
}

const config: ForgeConfig = {
  packagerConfig: {
    name: 'WeCom Live',
    executableName: 'wecom-live',
    appBundleId: 'com.wecom-live.app',
    appCopyright: 'Apache-2.0',
    // Native addons (better-sqlite3) cannot be loaded from inside the archive.
    asar: { unpack: '**/*.node' },
    ignore: ignoredInPackage,
    win32metadata: {
      CompanyName: 'WeCom Live',
      ProductName: 'WeCom Live',
      FileDescription: '企微直播助手',
    },
  },
  // better-sqlite3 is built for Node 22 in development; the package needs it built for Electron's ABI.
  rebuildConfig: { onlyModules: ['better-sqlite3'], force: true },
  makers: [
    new MakerSquirrel({
      // Squirrel's package id: no spaces or dashes (it also names the app user model id in main.ts).
      name: 'wecom_live',
      title: 'WeCom Live',
      authors: 'WeCom Live',
      description: '企微直播助手：创建企业微信直播，拉取观看、邀请与签到数据并生成报表。',
      exe: 'wecom-live.exe',
      setupExe: 'WeComLiveSetup.exe',
      noMsi: true,
    }),
  ],
};

export default config;
