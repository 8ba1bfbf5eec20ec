import { parseArgs } from 'node:util';

/** The desktop app's command line (the exe, or `npm start -- ...` which passes it on to Electron). */
export interface LaunchOptions {
  /** `--data-dir <dir>`; null means Electron's userData folder. */
  dataDir: string | null;
  /** `--wecom-base-url <url>` or env `WECOM_API_BASE` (the simulator, `npm run demo`). */
  wecomBaseUrl: string | null;
  /** `--reset-root`: the offline root-admin reset (R2.11); no window opens. */
  resetRoot: boolean;
}

/** A command line that cannot be used; the message is shown to the user. */
export class LaunchArgsError extends Error {
  override readonly name = 'LaunchArgsError';
}

function baseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LaunchArgsError(`${source} 不是有效的地址：${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LaunchArgsError(`${source} 只能是 http 或 https 地址：${value}`);
  }
  return value.replace(/\/+$/, '');
}

/** Where the app is allowed to point its WeCom calls somewhere else. */
export interface WecomBaseUrlPolicy {
  /** `app.isPackaged`: an installed build, not `npm start` from the sources. */
  isPackaged: boolean;
  /** config.json `developer.allowWecomBaseUrl`, set by hand on a test machine. */
  developerSetting: boolean;
}

/**
 * The WeCom address the desktop app may use. An installed app sends the corp secret (gettoken) only to
 * WeCom: a shortcut with `--wecom-base-url` (or a WECOM_API_BASE in the environment) could send it
 * anywhere, so an installed app refuses to start with one unless the developer setting allows it.
 * Development builds (`npm start`, `npm run demo`) keep it.
 */
export function permittedWecomBaseUrl(options: LaunchOptions, policy: WecomBaseUrlPolicy): string | null {
  if (options.wecomBaseUrl === null || !policy.isPackaged || policy.developerSetting) {
    return options.wecomBaseUrl;
  }
  throw new LaunchArgsError(
    '安装版不接受 --wecom-base-url 或环境变量 WECOM_API_BASE：企业微信的地址只能在开发版本中更改，' +
      '或由管理员在数据目录的 config.json 中设置 "developer": {"allowWecomBaseUrl": true} 后使用。' +
      '请检查快捷方式的目标是否被修改。',
  );
}

/**
 * Reads the options this app knows from `argv` (everything after the executable). Anything else —
 * the app path in development, Chromium and Squirrel switches — is ignored rather than refused.
 */
export function parseLaunchArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      'wecom-base-url': { type: 'string' },
      'reset-root': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: false,
  });
  const dataDir = values['data-dir'];
  if (dataDir === true || dataDir === '') throw new LaunchArgsError('--data-dir 需要一个目录。');
  const flag = values['wecom-base-url'];
  if (flag === true || flag === '') throw new LaunchArgsError('--wecom-base-url 需要一个地址。');
  const fromEnv = env['WECOM_API_BASE'];
  let wecomBaseUrl: string | null = null;
  if (typeof flag === 'string') wecomBaseUrl = baseUrl(flag, '--wecom-base-url');
  else if (fromEnv !== undefined && fromEnv !== '')
    wecomBaseUrl = baseUrl(fromEnv, '环境变量 WECOM_API_BASE');
  return {
    dataDir: typeof dataDir === 'string' ? dataDir : null,
    wecomBaseUrl,
    resetRoot: values['reset-root'] === true,
  };
}
