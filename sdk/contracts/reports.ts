// What the `reports.*` host channels answer (host/runtime/reports/report-channels.ts), for the report page
// and the settings' 报表 page. The definition itself: sdk/contracts/report-definition.ts.
import type { ReportChart, ReportColumn, ReportParameter } from './report-definition.js';

/** enabled: runs; disabled: new, changed or switched off (root-admin enables it); failed: invalid. */
export type ReportState = 'enabled' | 'disabled' | 'failed';

/** `reports.list` (root-admin): every folder of `<data-dir>/reports` as the last scan found it. */
export interface ReportListRow {
  /** The folder name (the definition's id when it is valid). */
  id: string;
  folder: string;
  state: ReportState;
  title: string | null;
  version: string | null;
  engine: string | null;
  /** null when the engine range could not be read. */
  engineOk: boolean | null;
  tier: 'user' | 'wecom-admin' | null;
  /** sha256 of report.json (hex); null when it could not be read. */
  hash: string | null;
  /** The hash root-admin enabled; differs from `hash` after a change. */
  enabledHash: string | null;
  /** True when the report was enabled before and report.json has changed since. */
  changed: boolean;
  /** Chinese: why it failed (report, field and what to fix). */
  reason: string | null;
}

/** `reports.examples`: the reports shipped with the app, installable with one click. */
export interface ReportExample {
  id: string;
  title: string;
  description: string;
  installed: boolean;
}

/** `reports.available`: the enabled reports the caller may run (the menu). */
export interface ReportMenuEntry {
  id: string;
  title: string;
  icon: string;
  description: string | null;
}

/** `reports.definition`: what the generic page needs to draw the form, the table and the charts. */
export interface ReportView {
  id: string;
  title: string;
  description: string | null;
  icon: string;
  parameters: ReportParameter[];
  table: {
    query: string;
    columns: ReportColumn[];
    sort: { key: string; direction: 'asc' | 'desc' } | null;
    pageSize: number;
  };
  charts: ReportChart[];
  /** The installation's zone: dates of the form are read in it. */
  timeZone: string;
}

/** Parameter values as the page sends them: date `YYYY-MM-DD`, dateRange `{from, to}`, live a livingid. */
export type ReportParameterValues = Record<
  string,
  string | number | boolean | { from: string; to: string } | null
>;

/** One query's answer: column names and rows as arrays in that order. */
export interface ReportQueryResult {
  columns: string[];
  rows: unknown[][];
}

/** `reports.run`. */
export interface ReportRunResult {
  results: Record<string, ReportQueryResult>;
  ranAt: number;
}

/** `reports.export`: the workbook in exports/, for `FileTransfer.saveExport`. */
export interface ReportExportResult {
  fileId: string;
  name: string;
  rows: number;
}
