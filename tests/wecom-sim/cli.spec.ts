import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

describe('wecom-sim CLI', () => {
  it('prints one ready line, serves WeCom, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        'dist/tests/wecom-sim/main.js',
        '--port',
        '0',
        '--seed',
        '42',
        '--lives',
        '12',
        '--viewers',
        '200',
        '--members',
        '10',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, 'line')) as [string];
      const ready = JSON.parse(line) as Record<string, unknown>;
      expect(ready).toEqual({
        event: 'ready',
        url: jasmine.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        port: jasmine.any(Number),
        corpid: jasmine.stringMatching(/^wwsim/),
        corpsecret: jasmine.any(String),
        agentid: 1000002,
      });
      const query = new URLSearchParams({
        corpid: ready.corpid as string,
        corpsecret: ready.corpsecret as string,
      });
      const token = (await (
        await fetch(`${ready.url as string}/cgi-bin/gettoken?${query.toString()}`)
      ).json()) as {
        errcode: number;
      };
      expect(token.errcode).toBe(0);

      const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
