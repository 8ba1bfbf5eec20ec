import { describeStartFailure } from './start-failure.js';

describe('describeStartFailure', () => {
  it('passes the runtime’s own messages through', () => {
    expect(describeStartFailure(new Error('数据目录已被另一个进程使用'))).toBe('数据目录已被另一个进程使用');
    expect(describeStartFailure('plain')).toBe('plain');
  });

  it('explains a native addon built for another ABI', () => {
    const text = describeStartFailure(
      new Error(
        "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 127.",
      ),
    );
    expect(text).toContain('better-sqlite3');
    expect(text).toContain('npm run serve');
    expect(text).toContain('NODE_MODULE_VERSION 127');
  });
});
