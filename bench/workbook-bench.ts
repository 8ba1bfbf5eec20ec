/**
 * Workbook benchmark (issue: fast at real scale): the product's own import job on a 10 × 5,000-row
 * check-in workbook and its detail export job of 100,000 viewers × 14 columns, each in a fresh process
 * (bench/workbook-scenario.ts), against pandas + openpyxl on the same file / the same rows, in the same
 * run. Memory is peak RSS above the process's idle RSS just before the work (python: ru_maxrss).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './report.js';
import type { ScenarioFigures } from './workbook-scenario.js';

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), 'workbook-scenario.js');

const PANDAS_IMPORT = `
import json, resource, sys, time
import pandas as pd
import openpyxl
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu = time.process_time()
started = time.perf_counter()
sheets = pd.read_excel(sys.argv[1], sheet_name=None, engine='openpyxl')
seconds = time.perf_counter() - started
cpuSeconds = time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpuSeconds, 'aboveIdleMb': (after - before) / 1024, 'rows': sum(len(df) for df in sheets.values())}))
`;

const PANDAS_EXPORT = `
import json, resource, sys, time
import pandas as pd
import openpyxl
frame = pd.read_csv(sys.argv[1], keep_default_na=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu = time.process_time()
started = time.perf_counter()
frame.to_excel(sys.argv[1] + '.xlsx', index=False, engine='openpyxl')
seconds = time.perf_counter() - started
cpuSeconds = time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpuSeconds, 'aboveIdleMb': (after - before) / 1024, 'rows': len(frame), 'columns': len(frame.columns)}))
`;

interface Baseline {
  seconds: number;
  cpuSeconds: number;
  aboveIdleMb: number;
  rows: number;
  columns?: number;
}

function lastJsonLine<T>(text: string): T {
  const line = text
    .trim()
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{'));
  if (line === undefined) throw new Error(`no figures in: ${text.slice(-500)}`);
  return JSON.parse(line) as T;
}

function ours(scenario: 'import' | 'export'): ScenarioFigures {
  const run = spawnSync(process.execPath, ['--expose-gc', SCENARIO, scenario], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${scenario} scenario failed: ${run.stderr.slice(-2000)}`);
  return lastJsonLine<ScenarioFigures>(run.stdout);
}

/** Debian's python3 (python3-pandas, python3-openpyxl, as .ci/run installs them), else the one on PATH. */
function pythonWithPandas(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function baseline(python: string, script: string, input: string): Baseline {
  const run = spawnSync(python, ['-c', script, input], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (run.status !== 0) throw new Error(`pandas baseline failed: ${run.stderr.slice(-2000)}`);
  return lastJsonLine<Baseline>(run.stdout);
}

const s = (seconds: number): string => `${seconds.toFixed(2)} s`;
const mb = (value: number): string => `${value.toFixed(0)} MB`;
const held = (ok: boolean): string => (ok ? 'goal held' : 'goal NOT held');

export async function benchWorkbooks(): Promise<BenchSection> {
  const rows: Array<[string, string]> = [];
  const python = pythonWithPandas();
  if (python === null) {
    rows.push([
      'pandas + openpyxl',
      'missing (install python3-pandas python3-openpyxl): no baseline, our figures only',
    ]);
  }

  const imported = ours('import');
  rows.push([
    'import 10 × 5,000 (parse, match, store)',
    `${s(imported.seconds)} (CPU ${s(imported.cpuSeconds)}), +${mb(imported.peakAboveIdleMb)} RSS, host.status max ${imported.maxStatusMs.toFixed(0)} ms`,
  ]);
  if (python !== null) {
    const pandas = baseline(python, PANDAS_IMPORT, imported.baselineInput);
    const speed = pandas.seconds / imported.seconds;
    rows.push([
      '  pandas read_excel (openpyxl)',
      `${s(pandas.seconds)} (CPU ${s(pandas.cpuSeconds)}), +${mb(pandas.aboveIdleMb)} RSS`,
    ]);
    rows.push([
      '  ratio',
      `${speed.toFixed(2)}× pandas' speed (goal > 1×: ${held(speed > 1)}); ` +
        `memory ${mb(imported.peakAboveIdleMb)} (goal ≤ 200 MB: ${held(imported.peakAboveIdleMb <= 200)}), ` +
        `${(imported.peakAboveIdleMb / Math.max(1, pandas.aboveIdleMb)).toFixed(2)}× pandas'`,
    ]);
  } else {
    rows.push(['  memory goal ≤ 200 MB', held(imported.peakAboveIdleMb <= 200)]);
  }
  rmSync(dirname(imported.baselineInput), { recursive: true, force: true });

  const exported = ours('export');
  rows.push([
    'detail export 100,000 viewers × 14 columns',
    `${s(exported.seconds)} (CPU ${s(exported.cpuSeconds)}), +${mb(exported.peakAboveIdleMb)} RSS, host.status max ${exported.maxStatusMs.toFixed(0)} ms`,
  ]);
  if (python !== null) {
    const pandas = baseline(python, PANDAS_EXPORT, exported.baselineInput);
    const speed = pandas.seconds / exported.seconds;
    const memory = exported.peakAboveIdleMb / Math.max(1, pandas.aboveIdleMb);
    rows.push([
      `  pandas to_excel (openpyxl), ${pandas.rows} × ${pandas.columns ?? '?'}`,
      `${s(pandas.seconds)} (CPU ${s(pandas.cpuSeconds)}), +${mb(pandas.aboveIdleMb)} RSS`,
    ]);
    rows.push([
      '  ratio',
      `${speed.toFixed(2)}× pandas' speed (goal ≥ 5×: ${held(speed >= 5)}; ` +
        `CPU time ${(pandas.cpuSeconds / exported.cpuSeconds).toFixed(2)}×, steadier on a busy machine); ` +
        `memory ${memory.toFixed(2)}× pandas' (goal ≤ 0.5×: ${held(memory <= 0.5)})`,
    ]);
  }
  rmSync(dirname(exported.baselineInput), { recursive: true, force: true });
  return { title: 'Workbooks: import and export through the product’s jobs vs pandas + openpyxl', rows };
}
