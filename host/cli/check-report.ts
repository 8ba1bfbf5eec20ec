// `npm run check-report -- <folder>…`: validates report folders as the host would load them
// (docs/report-plugins.md): report.json against the schema, the id, the engine range, every query
// prepared against the read views of a freshly migrated database, every column named. Exit code 1 when
// one is invalid; the reason names the report, the field and what to fix.
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { appVersion } from '../runtime/core/app-info.js';
import { openDatabase } from '../runtime/storage/database.js';
import { runMigrations } from '../runtime/storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../runtime/storage/migrations/index.js';
import { checkReport } from '../runtime/reports/report-validation.js';

export async function checkReportFolders(
  folders: readonly string[],
): Promise<{ ok: boolean; lines: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'wecom-live-check-report-'));
  const file = join(scratch, 'schema.sqlite');
  const db = openDatabase({ filename: file });
  const lines: string[] = [];
  let ok = true;
  try {
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    await db.destroy();
    for (const folder of folders) {
      let text: string;
      try {
        text = readFileSync(join(folder, 'report.json'), 'utf8');
      } catch {
        ok = false;
        lines.push(`✗ ${folder}：没有 report.json`);
        continue;
      }
      const check = checkReport(text, basename(folder), appVersion(), file);
      if (check.definition === null) {
        ok = false;
        lines.push(`✗ ${check.reason ?? folder}`);
      } else {
        const report = check.definition;
        lines.push(
          `✓ ${report.id} v${report.version}「${report.title}」：${report.queries.length} 个查询、${report.table.columns.length} 列、${report.charts.length} 个图表、${report.export.sheets.length} 个工作表，检查通过。`,
        );
      }
    }
  } finally {
    await db.destroy().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
  return { ok, lines };
}

// Run as a script (not when a spec imports it).
if (process.argv[1]?.endsWith('check-report.js') === true) {
  const base = process.env['INIT_CWD'] ?? process.cwd();
  const folders = process.argv
    .slice(2)
    .map((folder) => (isAbsolute(folder) ? folder : resolve(base, folder)));
  if (folders.length === 0) {
    process.stderr.write('用法：npm run check-report -- <报表文件夹> [更多文件夹…]\n');
    process.exit(2);
  }
  const { ok, lines } = await checkReportFolders(folders);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(ok ? 0 : 1);
}
