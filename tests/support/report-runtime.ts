// A runtime with a reports folder and two corps with the known store of report-store.ts, for the report
// specs. Sessions: root-admin, a user and a WeCom admin of corp A, a user of corp B.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostRuntime } from '../../host/runtime/core/host-runtime.js';
import { CorpStore } from '../../host/runtime/accounts/corp-store.js';
import { seedReportStore } from './report-store.js';
import { sessionFor, startRuntime, tempDataDir } from './runtime-harness.js';

/** dist/examples/reports: the shipped examples, as copy-assets.mjs puts them beside the compiled host. */
export const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'reports');

export interface ReportWorld {
  runtime: HostRuntime;
  dataDir: string;
  reportsDir: string;
  corpA: string;
  corpB: string;
  root: string;
  userA: string;
  adminA: string;
  userB: string;
}

export async function startReportWorld(
  limits: { timeoutMs?: number; maxRows?: number } = {},
): Promise<ReportWorld> {
  const dataDir = tempDataDir('reports');
  const reportsDir = join(dataDir, 'reports');
  const runtime = await startRuntime(dataDir, {
    pluginDirs: [],
    reports: { examplesDir: EXAMPLES, ...limits },
  });
  const corps = runtime.container.resolve(CorpStore);
  const save = (name: string) =>
    corps.save(
      {
        corpname: name,
        corpid: `ww${name}${Date.now()}`,
        corpsecret: 'TestSecret_0123456789abcdef',
        agentid: 1000002,
      },
      '测试应用',
    );
  const a = await save('甲公司');
  const b = await save('乙公司');
  await seedReportStore(runtime.db, a.corpId, b.corpId);
  return {
    runtime,
    dataDir,
    reportsDir,
    corpA: a.corpId,
    corpB: b.corpId,
    root: await sessionFor(runtime, 'root-admin'),
    userA: await sessionFor(runtime, 'user', 'usera', a.corpId),
    adminA: await sessionFor(runtime, 'wecom-admin', 'admina', a.corpId),
    userB: await sessionFor(runtime, 'user', 'userb', b.corpId),
  };
}

/** Writes `<reports>/<folder>/report.json` (an object is written as JSON, a string as it is). */
export function writeReport(world: ReportWorld, folder: string, content: unknown): void {
  const dir = join(world.reportsDir, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'report.json'),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
}

/** A minimal valid report over the viewers view; `patch` changes any top-level field. */
export function simpleReport(id: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    version: '1.0.0',
    engine: '^1.0.0',
    title: `报表${id}`,
    tier: 'user',
    parameters: [{ name: 'live', label: '直播', type: 'live' }],
    queries: [
      {
        id: 'main',
        sql: 'select name, watch_seconds from report_v1_viewers where livingid = :live order by watch_seconds desc, name',
      },
    ],
    table: {
      query: 'main',
      columns: [
        { key: 'name', label: '观众' },
        { key: 'watch_seconds', label: '观看时长', format: 'duration' },
      ],
    },
    export: { sheets: [{ name: '观众', query: 'main' }] },
    ...patch,
  };
}
