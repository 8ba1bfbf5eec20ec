import type { RpcErrorBody } from '../../contracts/errors.js';
import type { RpcResult } from '../../contracts/rpc.js';
import type { BrowserFileRoutes, UploadedFile } from '../file-routes.js';

/**
 * Browser mode's `/upload` and `/download` for specs: records what was sent and downloaded, reports the
 * given progress steps, and answers uploads from `answerUpload` (a fresh fileId by default).
 */
export class FakeBrowserFiles implements BrowserFileRoutes {
  readonly uploads: { name: string; size: number; session: string | null }[] = [];
  readonly downloads: { path: string; name: string }[] = [];
  /** Fractions reported while "sending", as bytes of a 100-byte total. */
  progressSteps = [0.5];
  private answer: (file: File) => RpcResult<UploadedFile> = (file) => ({
    ok: true,
    data: { fileId: `file-${this.uploads.length}`, name: file.name, size: file.size },
  });

  answerUpload(answer: UploadedFile | { error: RpcErrorBody }): this {
    this.answer = () => ('error' in answer ? { ok: false, error: answer.error } : { ok: true, data: answer });
    return this;
  }

  upload(
    file: File,
    session: string | null,
    onProgress: (sent: number, total: number) => void,
  ): Promise<RpcResult<UploadedFile>> {
    this.uploads.push({ name: file.name, size: file.size, session });
    for (const step of this.progressSteps) onProgress(step * 100, 100);
    return Promise.resolve(this.answer(file));
  }

  download(path: string, name: string): void {
    this.downloads.push({ path, name });
  }
}
