import { resolve } from 'node:path';
import { CliUsageError, DEFAULT_PORT, defaultDataDir, parseServeArgs } from './cli-options.js';

describe('parseServeArgs', () => {
  it('reads --data-dir, --port, --wecom-base-url and --host-ui, in both spellings', () => {
    expect(
      parseServeArgs(
        ['--data-dir', 'd', '--port=8080', '--wecom-base-url', 'http://127.0.0.1:9/', '--host-ui=ui'],
        {},
      ),
    ).toEqual({
      dataDir: resolve('d'),
      port: 8080,
      wecomBaseUrl: 'http://127.0.0.1:9',
      uiDir: resolve('ui'),
    });
  });

  it('prefers the fixed default port and takes WECOM_API_BASE when the options are absent', () => {
    expect(parseServeArgs(['--data-dir', '/x'], { WECOM_API_BASE: 'http://sim:1' })).toEqual({
      dataDir: '/x',
      port: DEFAULT_PORT,
      portIsDefault: true,
      wecomBaseUrl: 'http://sim:1',
    });
    expect(parseServeArgs(['--data-dir', '/x', '--port', '0'], {})).toEqual({ dataDir: '/x', port: 0 });
    expect(
      parseServeArgs(['--data-dir', '/x', '--wecom-base-url', 'https://a.b'], {
        WECOM_API_BASE: 'http://sim:1',
      }),
    ).toEqual(jasmine.objectContaining({ wecomBaseUrl: 'https://a.b' }));
  });

  it('requires --data-dir unless a fallback is given (npm start)', () => {
    expect(() => parseServeArgs([], {})).toThrowError(CliUsageError, /--data-dir/);
    expect(parseServeArgs([], {}, defaultDataDir())).toEqual({
      dataDir: defaultDataDir(),
      port: DEFAULT_PORT,
      portIsDefault: true,
    });
    expect(defaultDataDir()).toMatch(/\.wecom-live$/);
  });

  it('refuses unknown options, missing values, bad ports and non-http base URLs', () => {
    expect(() => parseServeArgs(['--data-dir', 'd', '--verbose'], {})).toThrowError(
      CliUsageError,
      /未知参数/,
    );
    expect(() => parseServeArgs(['--data-dir'], {})).toThrowError(CliUsageError, /缺少取值/);
    expect(() => parseServeArgs(['--data-dir', 'd', '--port', '70000'], {})).toThrowError(
      CliUsageError,
      /端口/,
    );
    expect(() => parseServeArgs(['--data-dir', 'd', '--port', '-1'], {})).toThrowError(CliUsageError);
    expect(() => parseServeArgs(['--data-dir', 'd', '--wecom-base-url', 'ftp://x'], {})).toThrowError(
      CliUsageError,
    );
    expect(() => parseServeArgs(['--data-dir', 'd'], { WECOM_API_BASE: 'nope' })).toThrowError(
      CliUsageError,
      /WECOM_API_BASE/,
    );
  });

  it('answers help', () => {
    expect(parseServeArgs(['--help'], {})).toBe('help');
  });
});
