import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createLogger, createStreamLogger } from './logger.js';

const SECRETS = [
  'AT-1-qwerty',
  'CS-2-asdfgh',
  'PW-3-zxcvbn',
  'BR-4-poiuyt',
  'SS-5-lkjhgf',
  'CK-6-mnbvcx',
  'RC-7-rtyuio',
  'CH-8-fghjkl',
  'FM-9-vbnmas',
  'ER-10-wertyu',
];

function logLines(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createLogger', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wecom-live-logger-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes redacted JSON lines to <dir>/wecom-live.N.log and keeps everything else', async () => {
    const logs = join(dir, 'logs');
    const { logger, close, currentFile } = await createLogger({ dir: logs });
    expect(currentFile()).toBe(join(logs, 'wecom-live.1.log'));

    logger.info(
      {
        url: `https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=${SECRETS[1]}`,
        headers: {
          Authorization: `Bearer ${SECRETS[3]}`,
          'x-session': SECRETS[4],
          accept: 'application/json',
        },
        body: JSON.stringify({ userid: 'zhangsan', password: SECRETS[2] }),
        cookie: SECRETS[5],
      },
      `gettoken answered access_token=${SECRETS[0]} for corp ww1`,
    );
    const error = Object.assign(new Error(`WeCom call failed: ?access_token=${SECRETS[0]}&debug=1`), {
      details: { recoveryCode: SECRETS[6] },
    });
    logger.error(error);
    logger.warn({ err: error }, 'pull failed');
    logger.child({ session: SECRETS[7], requestId: 'r-1' }).info('child logger line');
    logger.debug('not written at info level');
    logger.info('formatted %s and %o', `token=${SECRETS[8]}`, { secret: SECRETS[9], count: 3 });
    await close();

    const bytes = readFileSync(join(logs, 'wecom-live.1.log'), 'utf8');
    for (const secret of SECRETS) expect(bytes).not.toContain(secret);

    const lines = logLines(logs);
    expect(lines.length).toBe(5);
    const [first, second, third, fourth, fifth] = lines as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(first.msg).toBe('gettoken answered access_token=[REDACTED] for corp ww1');
    expect(first.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=[REDACTED]');
    expect(first.headers).toEqual({
      Authorization: '[REDACTED]',
      'x-session': '[REDACTED]',
      accept: 'application/json',
    });
    expect(first.body).toBe('{"userid":"zhangsan","password":"[REDACTED]"}');
    expect(first.cookie).toBe('[REDACTED]');
    expect(first.level).toBe(30);

    expect(second.msg).toBe('WeCom call failed: ?access_token=[REDACTED]&debug=1');
    const err = second.err as Record<string, unknown>;
    expect(err.name).toBe('Error');
    expect(err.message).toBe('WeCom call failed: ?access_token=[REDACTED]&debug=1');
    expect(err.stack).toContain('logger.spec');
    expect(err.details).toEqual({ recoveryCode: '[REDACTED]' });

    expect(third.msg).toBe('pull failed');
    expect((third.err as Record<string, unknown>).message).toBe(err.message);
    expect(fourth.session).toBe('[REDACTED]');
    expect(fourth.requestId).toBe('r-1');
    expect(fifth.msg).toBe('formatted token=[REDACTED] and {"secret":"[REDACTED]","count":3}');
  });

  it('rolls by size and keeps maxFiles files, across restarts', async () => {
    for (let run = 0; run < 2; run += 1) {
      const { logger, close } = await createLogger({ dir, maxSize: '1k', maxFiles: 3, fileName: 'app.log' });
      for (let i = 0; i < 25; i += 1) {
        logger.info({ run, i }, 'x'.repeat(200));
        // Let each write reach the file, so the size check sees it before the next one.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await close();
    }
    const files = readdirSync(dir);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files.every((name) => /^app\.\d+\.log$/.test(name))).toBeTrue();
    // Each run writes 25 lines of over 200 bytes: a file smaller than that has rolled within the run
    // (how far past 1k a file gets depends on how the writes were batched, so only this is certain).
    for (const name of files) expect(statSync(join(dir, name)).size).toBeLessThan(25 * 200);
    expect(logLines(dir).some((line) => line.run === 1 && line.i === 24)).toBeTrue();
  });

  it('rejects a maxFiles below 2', async () => {
    await expectAsync(createLogger({ dir, maxFiles: 1 })).toBeRejectedWithError(/maxFiles/);
  });
});

describe('createStreamLogger', () => {
  it('redacts what it writes to the stream', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const logger = createStreamLogger(stream, 'debug');
    logger.debug({ password: 'hunter2', user: 'zhangsan' }, 'login with ticket=abc123');
    await new Promise((resolve) => setImmediate(resolve));
    const line = JSON.parse(chunks.join('')) as Record<string, unknown>;
    expect(line).toEqual(
      jasmine.objectContaining({
        password: '[REDACTED]',
        user: 'zhangsan',
        msg: 'login with ticket=[REDACTED]',
      }),
    );
  });
});
