import type { RpcResult } from '../contracts/rpc.js';

/** A file the host now holds (uploads/): its id is what `ctx.files.get` takes. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
}

/**
 * Browser mode's file routes (docs/architecture.md "Browser mode"): `POST /upload` and `GET /download/<ticket>`. Electron has
 * none: there the main process opens native dialogs (`files.pickOpen`, `files.saveAs`), so files never
 * pass through the renderer.
 */
export interface BrowserFileRoutes {
  /** Sends one file; `onProgress` follows the bytes sent. Answers the host's envelope. */
  upload(
    file: File,
    session: string | null,
    onProgress: (sent: number, total: number) => void,
  ): Promise<RpcResult<UploadedFile>>;
  /** Lets the browser download `path` (from `files.downloadTicket`) as a file named `name`. */
  download(path: string, name: string): void;
}
