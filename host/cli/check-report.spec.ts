import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLES } from '../../tests/support/report-runtime.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { checkReportFolders } from './check-report.js';

const NEW_REPORT = fileURLToPath(new URL('../../../scripts/new-report.mjs', import.meta.url));

describe('new-report and check-report', () => {
  let dir: string;

  beforeEach(() => {
    dir = tempDataDir('check-report');
  });
  afterEach(() => removeDir(dir));

  it('writes a working report from the template, which passes the check with the shipped examples', async () => {
    execFileSync(process.execPath, [NEW_REPORT, 'my-report', '--dir', dir], { stdio: 'pipe' });
    const { ok, lines } = await checkReportFolders([
      join(dir, 'my-report'),
      join(EXAMPLES, 'invite-leaderboard'),
      join(EXAMPLES, 'invite-funnel'),
    ]);
    expect(lines.join('\n')).toContain('✓ my-report');
    expect(ok).withContext(lines.join('\n')).toBeTrue();
    // A second run does not overwrite it.
    expect(() =>
      execFileSync(process.execPath, [NEW_REPORT, 'my-report', '--dir', dir], { stdio: 'pipe' }),
    ).toThrow();
  });

  it('fails with the report, the field and what to fix', async () => {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(
      join(dir, 'bad', 'report.json'),
      JSON.stringify({
        id: 'bad',
        version: '1.0.0',
        engine: '^1.0.0',
        title: '坏报表',
        tier: 'user',
        queries: [{ id: 'main', sql: 'select nickname from report_v1_viewers' }],
        table: { query: 'main', columns: [{ key: 'nickname', label: '昵称' }] },
        export: { sheets: [{ name: '表', query: 'main' }] },
      }),
    );
    const { ok, lines } = await checkReportFolders([join(dir, 'bad'), join(dir, 'missing')]);
    expect(ok).toBeFalse();
    expect(lines[0]).toContain('报表「bad」');
    expect(lines[0]).toContain('queries[0].sql');
    expect(lines[0]).toContain('nickname');
    expect(lines[1]).toContain('没有 report.json');
  });
});
