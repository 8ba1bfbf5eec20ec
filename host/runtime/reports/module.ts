import type { HostModule } from '../core/host-module.js';
import { ReportChannels } from './report-channels.js';
import { ReportService } from './report-service.js';

/** Report plugins: data-only folders run read-only in the worker pool (docs/report-plugins.md). */
export const reportsModule: HostModule = {
  name: 'reports',
  services: [ReportService, ReportChannels],
  register: (container) => container.resolve(ReportChannels).register(),
};
