import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './app-info.js';
import { pluginOfError } from './process-guard.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';

const CHILD = join(appRoot(), 'dist', 'tests', 'support', 'guarded-runtime-child.js');

function runChild(dataDir: string, scenario: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

function logText(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

describe('process guard', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = tempDataDir('guard')));
  afterEach(() => removeDir(dataDir));

  it('keeps the host running when a plugin’s error escapes, and attributes it in the log and the status', async () => {
    const { code, stdout } = await runChild(dataDir, 'plugin');
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      seen: string[];
      answeredAfter: boolean;
    };
    expect(report.seen.length).toBe(2);
    expect(report.answeredAfter).toBeTrue();
    const log = logText(dataDir);
    expect(log).toContain('"plugin":"unruly","origin":"uncaughtException"');
    expect(log).toContain('"plugin":"unruly","origin":"unhandledRejection"');
  });

  it('logs a host error that escaped and ends the process with code 1', async () => {
    const { code } = await runChild(dataDir, 'host');
    expect(code).toBe(1);
    expect(logText(dataDir)).toContain('host error escaped');
    expect(logText(dataDir)).toContain('主程序自己的错误');
  });

  it('attributes an error by the first stack frame inside a plugin folder', () => {
    const plugins = [
      { id: 'a', dir: '/app/dist/plugins/a' },
      { id: 'ab', dir: '/app/dist/plugins/ab' },
    ];
    const error = new Error('x');
    error.stack = [
      'Error: x',
      '    at Knex.run (/app/node_modules/knex/lib/runner.js:1:1)',
      '    at file:///app/dist/plugins/ab/main/index.js:10:5',
      '    at async /app/dist/plugins/a/main/x.js:2:2',
    ].join('\n');
    expect(pluginOfError(error, plugins)).toBe('ab');
    expect(pluginOfError(new Error('host'), plugins)).toBeNull();
    expect(pluginOfError('not an error', plugins)).toBeNull();
  });
});
