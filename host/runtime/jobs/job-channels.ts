import { injectable } from 'tsyringe';
import { FILES_DOWNLOAD_TICKET } from '../../../sdk/contracts/files-channels.js';
import { JOBS_CANCEL, JOBS_GET } from '../../../sdk/contracts/jobs-channels.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { FileStore } from './file-store.js';
import { JobService } from './job-service.js';

/** Where browser mode serves download tickets. */
export const DOWNLOAD_PATH = '/download/';

/**
 * The `jobs.*` channels and `files.downloadTicket` (declared in sdk/contracts/jobs-channels.ts and
 * files.ts); Electron answers `files.pickOpen` and `files.saveAs` itself (host/electron/native-files.ts).
 */
@injectable()
export class JobChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly jobs: JobService,
    private readonly files: FileStore,
  ) {}

  register(): void {
    this.router.handle(JOBS_GET, ({ jobId }, call) => this.jobs.get(jobId, call));
    this.router.handle(JOBS_CANCEL, ({ jobId }, call) => this.jobs.cancel(jobId, call));
    this.router.handle(FILES_DOWNLOAD_TICKET, async ({ fileId }, call) => {
      const { ticket, expiresAt } = await this.files.createDownloadTicket(fileId, call);
      return { url: `${DOWNLOAD_PATH}${ticket}`, expiresAt };
    });
  }
}
