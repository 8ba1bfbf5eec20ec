// The host's `reports.*` channels (docs/report-plugins.md). Managing reports is root-admin's: list,
// rescan, enable/disable, install an example (each audited). Running and exporting need a corp session
// and the report's own tier, checked by ReportService on every call.
import { injectable } from 'tsyringe';
import { z } from 'zod';
import { AuditLog } from '../audit/audit-log.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { ReportService } from './report-service.js';

const ReportId = z.string().min(1).max(64);
const ParameterValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.strictObject({ from: z.string().max(20), to: z.string().max(20) }),
  z.null(),
]);
const RunInput = z.object({ id: ReportId, params: z.record(z.string(), ParameterValue).default({}) });

@injectable()
export class ReportChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly reports: ReportService,
    private readonly audit: AuditLog,
  ) {}

  register(): void {
    this.router.handle('reports.list', { input: z.object({}), minTier: 'root-admin' }, () => ({
      folder: this.reports.folder,
      reports: this.reports.list(),
      examples: this.reports.examples(),
    }));
    this.router.handle('reports.rescan', { input: z.object({}), minTier: 'root-admin' }, async () => ({
      folder: this.reports.folder,
      reports: await this.reports.scan(),
      examples: this.reports.examples(),
    }));
    this.router.handle(
      'reports.setEnabled',
      { input: z.object({ id: ReportId, enabled: z.boolean() }), minTier: 'root-admin' },
      async ({ id, enabled }, call) => {
        try {
          const reports = await this.reports.setEnabled(id, enabled, call.user?.userid ?? '');
          const hash = reports.find((row) => row.id === id)?.hash ?? null;
          await this.audit.record({
            actor: call.user,
            action: 'reports.setEnabled',
            target: id,
            ok: true,
            detail: { enabled, hash },
          });
          return { folder: this.reports.folder, reports, examples: this.reports.examples() };
        } catch (error) {
          await this.audit.record({
            actor: call.user,
            action: 'reports.setEnabled',
            target: id,
            ok: false,
            detail: { enabled },
          });
          throw error;
        }
      },
    );
    this.router.handle(
      'reports.installExample',
      { input: z.object({ id: ReportId }), minTier: 'root-admin' },
      async ({ id }, call) => {
        try {
          const reports = await this.reports.installExample(id, call.user?.userid ?? '');
          await this.audit.record({
            actor: call.user,
            action: 'reports.installExample',
            target: id,
            ok: true,
          });
          return { folder: this.reports.folder, reports, examples: this.reports.examples() };
        } catch (error) {
          await this.audit.record({
            actor: call.user,
            action: 'reports.installExample',
            target: id,
            ok: false,
          });
          throw error;
        }
      },
    );
    this.router.handle('reports.available', { input: z.object({}), minTier: 'user' }, (_input, call) =>
      this.reports.available(call),
    );
    this.router.handle(
      'reports.definition',
      { input: z.object({ id: ReportId }), minTier: 'user', requiresCorp: true },
      ({ id }, call) => this.reports.view(id, call),
    );
    this.router.handle(
      'reports.run',
      { input: RunInput, minTier: 'user', requiresCorp: true },
      ({ id, params }, call) => this.reports.run(id, params, call),
    );
    this.router.handle(
      'reports.export',
      { input: RunInput, minTier: 'user', requiresCorp: true },
      ({ id, params }, call) => this.reports.export(id, params, call),
    );
  }
}
