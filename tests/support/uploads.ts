// A file as FileTransfer leaves it in the host (browser /upload or Electron's pickOpen): recorded for the
// account of a session, ready for a plugin's `ctx.files.get`.
import { writeFileSync } from 'node:fs';
import { FileStore } from '../../host/runtime/jobs/file-store.js';
import type { HostRuntime } from '../../host/runtime/core/host-runtime.js';

export async function uploadBytes(
  runtime: HostRuntime,
  name: string,
  data: Uint8Array,
  session: string,
): Promise<string> {
  const files = runtime.container.resolve(FileStore);
  const { fileId, path } = files.reserveUpload();
  writeFileSync(path, data);
  await files.completeUpload(fileId, name, await runtime.sessions.resolve(session));
  return fileId;
}
