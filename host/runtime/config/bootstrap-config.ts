// `<dataDir>/config.json`: what must be known before the database opens (docs/architecture.md "config.json and update.json"), so it cannot
// live in the database. Missing keys take their defaults; a wrong value stops the start with a message
// that names the file and the field.
import { mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../../../sdk/contracts/zoned-time.js';
import { writeFileAtomically } from '../storage/atomic-file.js';

export const CONFIG_FILE_NAME = 'config.json';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/**
 * Plain-text "what is my IP" services, IPv4 first since WeCom's trusted IPs are IPv4. The first two answer
 * from mainland China, the others as fallbacks abroad. Each answers with the address alone (myip.ipip.net/s
 * may add a newline): callers trim and validate.
 */
export const DEFAULT_PUBLIC_IP_SERVICES = [
  'https://myip.ipip.net/s',
  'https://4.ipw.cn',
  'https://api.ipify.org',
  'https://ipv4.icanhazip.com',
];

export const BootstrapConfigSchema = z.object({
  version: z.literal(1).default(1),
  database: z
    .object({
      client: z.literal('better-sqlite3').default('better-sqlite3'),
      /** Relative to the data dir unless absolute. */
      filename: z.string().min(1).default('wecom-live.sqlite'),
      /**
       * Set once the location was chosen in the settings: a missing file then stops the start with a
       * message instead of silently creating a new, empty database (a drive not mounted, a moved file).
       */
      mustExist: z.boolean().default(false),
      /** A move asked for in the settings (absolute file), done by the next start before the database opens. */
      moveTo: z.string().min(1).optional(),
    })
    .prefault({}),
  /** The log folder, relative to the data dir unless absolute; applied at the next start. */
  logDir: z.string().min(1).default('logs'),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: '不是有效的 IANA 时区（例如 Asia/Shanghai）' })
    .default('Asia/Shanghai'),
  sessionIdleMinutes: z.number().int().positive().default(30),
  uploadMaxBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /**
   * How often a live that is on is asked for its online_count (peak viewers). WeCom only tells the
   * current count, so a longer interval can miss the peak; below 15 s the calls buy nothing.
   */
  onlineSampleSeconds: z.number().int().min(15).max(600).default(60),
  // http is allowed so tests can point it at a local server; an empty list turns the lookup off.
  publicIpServices: z.array(z.url({ protocol: /^https?$/ })).default(() => [...DEFAULT_PUBLIC_IP_SERVICES]),
  /** Set by hand on test machines only; no page changes it (docs/admin-guide.md). */
  developer: z
    .object({
      /** Lets an installed desktop app take `--wecom-base-url` (a WeCom simulator). */
      allowWecomBaseUrl: z.boolean().default(false),
    })
    .prefault({}),
});

export type BootstrapConfig = z.output<typeof BootstrapConfigSchema>;

/** config.json cannot be read or holds a wrong value; the message is shown to the user as it is. */
export class BootstrapConfigError extends Error {
  readonly file: string;
  /** The offending field path such as 'database.filename', or null for the whole file. */
  readonly field: string | null;

  constructor(file: string, field: string | null, problem: string) {
    super(`配置文件 ${file} 无效：${field === null ? '' : `${field} `}${problem}`);
    this.name = 'BootstrapConfigError';
    this.file = file;
    this.field = field;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
};

function fieldPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `应为以下值之一：${issue.values.map((value) => JSON.stringify(value)).join('、')}`;
    case 'invalid_format':
      return issue.format === 'url' ? '应为 http(s) 网址' : `格式不正确（${issue.format}）`;
    case 'too_small':
      if (issue.origin === 'string') return '不能为空';
      return issue.inclusive ? `应不小于 ${issue.minimum}` : `应大于 ${issue.minimum}`;
    case 'too_big':
      return issue.inclusive ? `应不大于 ${issue.maximum}` : `应小于 ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function parseConfig(file: string, raw: unknown): BootstrapConfig {
  const result = BootstrapConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (first === undefined) throw new BootstrapConfigError(file, null, '内容无法识别');
  const path = fieldPath(first.path);
  const problem = path === null && first.code === 'invalid_type' ? '应为 JSON 对象' : describeIssue(first);
  throw new BootstrapConfigError(file, path, problem);
}

/** Writes config.json (validated, pretty-printed) into the data dir. */
export function saveBootstrapConfig(dataDir: string, config: BootstrapConfig): void {
  const file = join(resolve(dataDir), CONFIG_FILE_NAME);
  const valid = parseConfig(file, config);
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomically(file, `${JSON.stringify(valid, null, 2)}\n`);
}

/** Reads config.json, creating it with the defaults when missing; missing keys take their defaults. */
export function loadBootstrapConfig(dataDir: string): BootstrapConfig {
  const file = join(resolve(dataDir), CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new BootstrapConfigError(file, null, `无法读取（${(error as Error).message}）`);
    }
    const defaults = BootstrapConfigSchema.parse({});
    saveBootstrapConfig(dataDir, defaults);
    return defaults;
  }
  let raw: unknown;
  try {
    // Windows editors may save a byte order mark, which JSON.parse rejects.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BootstrapConfigError(file, null, `不是有效的 JSON（${(error as Error).message}）`);
  }
  return parseConfig(file, raw);
}

/** The database file's absolute path: `database.filename` resolved against the data dir. */
export function resolveDatabasePath(dataDir: string, config: BootstrapConfig): string {
  return resolve(dataDir, config.database.filename);
}

/** The log folder's absolute path: `logDir` resolved against the data dir. */
export function resolveLogDir(dataDir: string, config: BootstrapConfig): string {
  return resolve(dataDir, config.logDir);
}

/** How config.json names a file or folder: relative when inside the data dir (so the dir can be moved whole). */
export function configPathOf(dataDir: string, absolute: string): string {
  const base = resolve(dataDir);
  const target = resolve(absolute);
  const rel = relative(base, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : target;
}
