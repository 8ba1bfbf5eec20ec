// The `reports.*` host channels (host/runtime/reports/report-channels.ts), declared once for both ends
// (docs/report-plugins.md). Managing reports is root-admin's; running and exporting need a corp session
// and the report's own tier, checked by the host on every call. The answers' types: sdk/contracts/reports.ts.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type {
  ReportExample,
  ReportExportResult,
  ReportListRow,
  ReportMenuEntry,
  ReportParameterValues,
  ReportRunResult,
  ReportView,
} from './reports.js';

/** `reports.list` and every change of it: the folder, its reports, the installable examples. */
export interface ReportsAnswer {
  folder: string;
  reports: ReportListRow[];
  examples: ReportExample[];
}

/** `reports.definition`: the view plus the form's default values. */
export type ReportDefinition = ReportView & { defaults: ReportParameterValues };

const ReportId = z.string().min(1).max(64);
const ParameterValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.strictObject({ from: z.string().max(20), to: z.string().max(20) }),
  z.null(),
]);
const RunInput = z.object({ id: ReportId, params: z.record(z.string(), ParameterValue).default({}) });
const admin = { minTier: 'root-admin' } as const;
const runner = { minTier: 'user', requiresCorp: true } as const;

export const REPORTS_LIST = defineChannel({
  name: 'reports.list',
  input: z.object({}),
  output: returns<ReportsAnswer>(),
  ...admin,
});

/** Reads the reports folder again. */
export const REPORTS_RESCAN = defineChannel({
  name: 'reports.rescan',
  input: z.object({}),
  output: returns<ReportsAnswer>(),
  ...admin,
});

export const REPORTS_SET_ENABLED = defineChannel({
  name: 'reports.setEnabled',
  input: z.object({ id: ReportId, enabled: z.boolean() }),
  output: returns<ReportsAnswer>(),
  ...admin,
});

/** Copies a shipped example into the reports folder. */
export const REPORTS_INSTALL_EXAMPLE = defineChannel({
  name: 'reports.installExample',
  input: z.object({ id: ReportId }),
  output: returns<ReportsAnswer>(),
  ...admin,
});

/** The menu: the enabled reports the caller may run. */
export const REPORTS_AVAILABLE = defineChannel({
  name: 'reports.available',
  input: z.object({}),
  output: returns<ReportMenuEntry[]>(),
  minTier: 'user',
});

export const REPORTS_DEFINITION = defineChannel({
  name: 'reports.definition',
  input: z.object({ id: ReportId }),
  output: returns<ReportDefinition>(),
  ...runner,
});

export const REPORTS_RUN = defineChannel({
  name: 'reports.run',
  input: RunInput,
  output: returns<ReportRunResult>(),
  ...runner,
});

/** The report as a workbook in exports/, for `FileTransfer.saveExport`. */
export const REPORTS_EXPORT = defineChannel({
  name: 'reports.export',
  input: RunInput,
  output: returns<ReportExportResult>(),
  ...runner,
});
