import { LaunchArgsError, parseLaunchArgs, permittedWecomBaseUrl } from './launch-options.js';

describe('parseLaunchArgs', () => {
  it('reads the data dir, the WeCom base URL and --reset-root, ignoring what is not ours', () => {
    expect(
      parseLaunchArgs(
        ['/app', '--data-dir', '/tmp/d', '--wecom-base-url=http://127.0.0.1:9/', '--squirrel-firstrun'],
        {},
      ),
    ).toEqual({ dataDir: '/tmp/d', wecomBaseUrl: 'http://127.0.0.1:9', resetRoot: false });
    expect(parseLaunchArgs(['--reset-root'], {})).toEqual({
      dataDir: null,
      wecomBaseUrl: null,
      resetRoot: true,
    });
    expect(parseLaunchArgs([], {})).toEqual({ dataDir: null, wecomBaseUrl: null, resetRoot: false });
  });

  it('takes WECOM_API_BASE when no flag is given; the flag wins', () => {
    expect(parseLaunchArgs([], { WECOM_API_BASE: 'https://sim.example/' }).wecomBaseUrl).toBe(
      'https://sim.example',
    );
    expect(
      parseLaunchArgs(['--wecom-base-url', 'http://localhost:1'], { WECOM_API_BASE: 'https://sim.example' })
        .wecomBaseUrl,
    ).toBe('http://localhost:1');
  });

  it('refuses options without values and non-http addresses, in Chinese', () => {
    expect(() => parseLaunchArgs(['--data-dir'], {})).toThrowError(LaunchArgsError, /--data-dir/);
    expect(() => parseLaunchArgs(['--data-dir='], {})).toThrowError(LaunchArgsError);
    expect(() => parseLaunchArgs(['--wecom-base-url', 'ftp://x'], {})).toThrowError(LaunchArgsError, /http/);
    expect(() => parseLaunchArgs([], { WECOM_API_BASE: 'nonsense' })).toThrowError(
      LaunchArgsError,
      /WECOM_API_BASE/,
    );
  });

  it('lets only development builds, or the developer setting, point an installed app elsewhere', () => {
    const pointed = parseLaunchArgs(['--wecom-base-url', 'http://evil.example'], {});
    const fromEnv = parseLaunchArgs([], { WECOM_API_BASE: 'http://evil.example' });
    expect(permittedWecomBaseUrl(pointed, { isPackaged: false, developerSetting: false })).toBe(
      'http://evil.example',
    );
    expect(permittedWecomBaseUrl(pointed, { isPackaged: true, developerSetting: true })).toBe(
      'http://evil.example',
    );
    for (const options of [pointed, fromEnv]) {
      expect(() =>
        permittedWecomBaseUrl(options, { isPackaged: true, developerSetting: false }),
      ).toThrowError(LaunchArgsError, /安装版不接受 --wecom-base-url/);
    }
    const plain = parseLaunchArgs([], {});
    expect(permittedWecomBaseUrl(plain, { isPackaged: true, developerSetting: false })).toBeNull();
  });
});
