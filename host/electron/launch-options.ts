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
