// `npm run make`: electron-forge packages the built app (package.json `main` → dist/host/electron/main.js)
// and makes the Squirrel.Windows installer. Electron's platform builds cannot be downloaded on our
// machines, so `npm test` only checks that this config loads and typechecks (docs/architecture.md "Electron").
import type { ForgeConfig, ForgePlatform } from '@electron-forge/shared-types';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { join } from 'node:path';

/**
 * Electron fuses, flipped in the packaged binary (they cannot be changed at run time): no running the
 * exe as plain Node, no NODE_OPTIONS or --inspect (each would run any code with the app's access to the
 * vault key), the app only from its asar archive and that archive checked against its hash, cookies
 * encrypted, no extra file:// privileges (the UI is served from app://). By @electron/fuses option name.
 */
export const ELECTRON_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
} as const;

/** The packaged executable (or macOS bundle) under one of packager's output folders. */
export function packagedExecutable(outputPath: string, platform: ForgePlatform): string {
  if (platform === 'win32') return join(outputPath, 'wecom-live.exe');
  if (platform === 'darwin' || platform === 'mas') return join(outputPath, 'WeCom Live.app');
  return join(outputPath, 'wecom-live');
}

/** Flips ELECTRON_FUSES in every packaged binary (exported for its spec, which flips a fake binary). */
export async function flipFusesAfterPackage(
  _config: unknown,
  result: { platform: ForgePlatform; outputPaths: string[] },
): Promise<void> {
  const settings: FuseV1Config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: result.platform === 'darwin',
  };
  for (const [name, value] of Object.entries(ELECTRON_FUSES)) {
    settings[FuseV1Options[name as keyof typeof ELECTRON_FUSES]] = value;
  }
  for (const outputPath of result.outputPaths) {
    await flipFuses(packagedExecutable(outputPath, result.platform), settings);
  }
}

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
  hooks: { postPackage: flipFusesAfterPackage },
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
