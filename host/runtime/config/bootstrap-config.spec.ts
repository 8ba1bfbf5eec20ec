import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import {
  BootstrapConfigError,
  BootstrapConfigSchema,
  DEFAULT_PUBLIC_IP_SERVICES,
  loadBootstrapConfig,
  resolveDatabasePath,
  saveBootstrapConfig,
  type BootstrapConfig,
} from './bootstrap-config.js';

const DEFAULTS: BootstrapConfig = {
  version: 1,
  database: { client: 'better-sqlite3', filename: 'wecom-live.sqlite', mustExist: false },
  logDir: 'logs',
  timeZone: 'Asia/Shanghai',
  sessionIdleMinutes: 30,
  uploadMaxBytes: 50 * 1024 * 1024,
  logLevel: 'info',
  onlineSampleSeconds: 60,
  publicIpServices: DEFAULT_PUBLIC_IP_SERVICES,
  developer: { allowWecomBaseUrl: false },
};

describe('bootstrap config', () => {
  let root: string;
  let configFile: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wecom-live-config-'));
    configFile = join(root, 'config.json');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function loadError(content: string): BootstrapConfigError {
    writeFileSync(configFile, content);
    try {
      loadBootstrapConfig(root);
    } catch (error) {
      expect(error).toBeInstanceOf(BootstrapConfigError);
      return error as BootstrapConfigError;
    }
    throw new Error('expected loadBootstrapConfig to throw');
  }

  it('writes the defaults as pretty JSON when config.json is missing, in a dir it creates', () => {
    const dataDir = join(root, 'new', 'dir');
    expect(loadBootstrapConfig(dataDir)).toEqual(DEFAULTS);
    const text = readFileSync(join(dataDir, 'config.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(DEFAULTS);
    expect(text).toContain('\n  "database": {\n');
    // No temp file is left behind.
    expect(readdirSync(dataDir)).toEqual(['config.json']);
  });

  it('fills missing keys with defaults without rewriting the file', () => {
    const content = JSON.stringify({ database: { filename: 'db/live.sqlite' }, logLevel: 'debug' });
    writeFileSync(configFile, content);
    expect(loadBootstrapConfig(root)).toEqual({
      ...DEFAULTS,
      database: { client: 'better-sqlite3', filename: 'db/live.sqlite', mustExist: false },
      logLevel: 'debug',
    });
    expect(readFileSync(configFile, 'utf8')).toBe(content);
  });

  it('accepts a byte order mark', () => {
    writeFileSync(configFile, '\uFEFF{"timeZone":"Europe/Paris"}');
    expect(loadBootstrapConfig(root).timeZone).toBe('Europe/Paris');
  });

  it('names the file and the field of a wrong value, in Chinese', () => {
    expect(loadError('{"database":{"filename":42}}').message).toBe(
      `配置文件 ${configFile} 无效：database.filename 应为字符串`,
    );
    const error = loadError('{"sessionIdleMinutes":0}');
    expect(error.field).toBe('sessionIdleMinutes');
    expect(error.file).toBe(configFile);
    expect(error.message).toBe(`配置文件 ${configFile} 无效：sessionIdleMinutes 应大于 0`);
    expect(loadError('{"uploadMaxBytes":1.5}').message).toContain('uploadMaxBytes 应为整数');
    expect(loadError('{"logLevel":"verbose"}').message).toContain(
      'logLevel 应为以下值之一："fatal"、"error"',
    );
    expect(loadError('{"timeZone":"Mars/Base"}').message).toContain('timeZone 不是有效的 IANA 时区');
    expect(loadError('{"publicIpServices":["https://a.example","ftp://b"]}').message).toContain(
      'publicIpServices[1] 应为 http(s) 网址',
    );
    expect(loadError('{"database":{"client":"pg"}}').message).toContain('database.client 应为以下值之一');
    expect(loadError('{"database":{"filename":""}}').message).toContain('database.filename 不能为空');
    // Peak sampling: a minimum that does not flood WeCom, a maximum that still catches a peak.
    expect(loadError('{"onlineSampleSeconds":5}').message).toContain('onlineSampleSeconds 应不小于 15');
    expect(loadError('{"onlineSampleSeconds":3600}').message).toContain('onlineSampleSeconds 应不大于 600');
  });

  it('reports invalid JSON and a non-object file', () => {
    const error = loadError('{"logLevel": "info",');
    expect(error.message).toMatch(new RegExp(`^配置文件 .*config\\.json 无效：不是有效的 JSON（.+）$`));
    expect(error.field).toBeNull();
    expect(loadError('[1]').message).toBe(`配置文件 ${configFile} 无效：应为 JSON 对象`);
  });

  it('saves atomically and reads back what it saved', () => {
    const config: BootstrapConfig = {
      ...DEFAULTS,
      sessionIdleMinutes: 90,
      publicIpServices: ['http://127.0.0.1:5000/ip'],
    };
    saveBootstrapConfig(root, config);
    expect(loadBootstrapConfig(root)).toEqual(config);
    expect(readdirSync(root)).toEqual(['config.json']);
    expect(() => saveBootstrapConfig(root, { ...config, sessionIdleMinutes: -1 })).toThrowError(
      BootstrapConfigError,
    );
    expect(loadBootstrapConfig(root).sessionIdleMinutes).toBe(90);
  });

  it('resolves the database file against the data dir unless absolute', () => {
    const relative = BootstrapConfigSchema.parse({});
    const path = resolveDatabasePath(root, relative);
    expect(isAbsolute(path)).toBeTrue();
    expect(path).toBe(join(root, 'wecom-live.sqlite'));
    const absolute = join(root, 'elsewhere', 'x.sqlite');
    expect(
      resolveDatabasePath(root, { ...relative, database: { ...relative.database, filename: absolute } }),
    ).toBe(absolute);
    expect(existsSync(path)).toBeFalse();
  });
});
