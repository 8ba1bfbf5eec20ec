// The host's `reports.*` channels (declared in sdk/contracts/reports-channels.ts; docs/report-plugins.md). Managing reports is root-admin's: list,
// rescan, enable/disable, install an example (each audited). Running and exporting need a corp session
// and the report's own tier, checked by ReportService on every call.
import { injectable } from 'tsyringe';
import {
  REPORTS_AVAILABLE,
  REPORTS_DEFINITION,
  REPORTS_EXPORT,
  REPORTS_INSTALL_EXAMPLE,
  REPORTS_LIST,
  REPORTS_RESCAN,
  REPORTS_RUN,
  REPORTS_SET_ENABLED,
} from '../../../sdk/contracts/reports-channels.js';
import { AuditLog } from '../audit/audit-log.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { ReportService } from './report-service.js';

@injectable()
export class ReportChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly reports: ReportService,
    private readonly audit: AuditLog,
  ) {}

  register(): void {
    this.router.handle(REPORTS_LIST, () => ({
      folder: this.reports.folder,
      reports: this.reports.list(),
      examples: this.reports.examples(),
    }));
    this.router.handle(REPORTS_RESCAN, async () => ({
      folder: this.reports.folder,
      reports: await this.reports.scan(),
      examples: this.reports.examples(),
    }));
    this.router.handle(REPORTS_SET_ENABLED, async ({ id, enabled }, call) => {
      try {
        const reports = await this.reports.setEnabled(id, enabled, call.user.userid);
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
    });
    this.router.handle(REPORTS_INSTALL_EXAMPLE, async ({ id }, call) => {
      try {
        const reports = await this.reports.installExample(id, call.user.userid);
        await this.audit.record({ actor: call.user, action: 'reports.installExample', target: id, ok: true });
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
    });
    this.router.handle(REPORTS_AVAILABLE, (_input, call) => this.reports.available(call));
    this.router.handle(REPORTS_DEFINITION, ({ id }, call) => this.reports.view(id, call));
    this.router.handle(REPORTS_RUN, ({ id, params }, call) => this.reports.run(id, params, call));
    this.router.handle(REPORTS_EXPORT, ({ id, params }, call) => this.reports.export(id, params, call));
  }
}
