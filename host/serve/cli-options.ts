import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Browser mode's command line (docs/architecture.md "Browser mode"). */
export interface ServeOptions {
  dataDir: string;
  port: number;
  /**
   * No --port was given: the default port is only a preference (a fixed port keeps the browser's storage
   * of this site — theme, last login, an unfinished wizard — between runs); when taken, any free one.
   */
  portIsDefault?: boolean;
  wecomBaseUrl?: string;
  /** The Angular build to serve instead of `<appRoot>/dist/ui/browser`. */
  uiDir?: string;
}

/** A command line that cannot be used; its message is meant for the user (Chinese). */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Browser mode's port when none is given. Fixed, because the browser keeps a site's storage per origin
 * (port included): a new port each run would forget the theme and the last login.
 */
export const DEFAULT_PORT = 17870;

export const SERVE_USAGE = `用法：npm run serve -- --data-dir <目录> [--port <端口>] [--wecom-base-url <地址>] [--host-ui <目录>]
  --data-dir        数据目录（不存在时自动创建）
  --port            监听端口，仅绑定 127.0.0.1；省略时优先用 ${DEFAULT_PORT}（被占用则自动选择），0 表示自动选择空闲端口
  --wecom-base-url  替换 https://qyapi.weixin.qq.com（也可用环境变量 WECOM_API_BASE）
  --host-ui         界面构建目录（默认 dist/ui/browser）`;

/** `npm start`'s data dir when none is given. */
export function defaultDataDir(): string {
  return join(homedir(), '.wecom-live');
}

const VALUE_OPTIONS = ['--data-dir', '--port', '--wecom-base-url', '--host-ui'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

export function parsePort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliUsageError(`端口无效：${value}（应为 0 到 65535 的整数）`);
  }
  return port;
}

function parseBaseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`${source} 不是有效的地址：${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliUsageError(`${source} 只能是 http 或 https 地址：${value}`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Parses `--data-dir <dir> --port <n> [--wecom-base-url <url>] [--host-ui <dir>]` (also `--name=value`);
 * `WECOM_API_BASE` stands in for `--wecom-base-url`. Without `--data-dir`, `fallbackDataDir` is used,
 * or the command line is refused when there is none (`npm run serve`).
 */
export function parseServeArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallbackDataDir?: string,
): ServeOptions | 'help' {
  const values: Partial<Record<ValueOption, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!isValueOption(name)) throw new CliUsageError(`未知参数：${arg}\n${SERVE_USAGE}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '')
      throw new CliUsageError(`参数 ${name} 缺少取值。\n${SERVE_USAGE}`);
    values[name] = value;
  }
  const dataDir = values['--data-dir'] ?? fallbackDataDir;
  if (dataDir === undefined) throw new CliUsageError(`缺少 --data-dir。\n${SERVE_USAGE}`);
  const options: ServeOptions = {
    dataDir: resolve(dataDir),
    port: values['--port'] === undefined ? DEFAULT_PORT : parsePort(values['--port']),
  };
  if (values['--port'] === undefined) options.portIsDefault = true;
  const cliBase = values['--wecom-base-url'];
  const envBase = env.WECOM_API_BASE?.trim();
  if (cliBase !== undefined) options.wecomBaseUrl = parseBaseUrl(cliBase, '--wecom-base-url');
  else if (envBase !== undefined && envBase !== '')
    options.wecomBaseUrl = parseBaseUrl(envBase, 'WECOM_API_BASE');
  if (values['--host-ui'] !== undefined) options.uiDir = resolve(values['--host-ui']);
  return options;
}
