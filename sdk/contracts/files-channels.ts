// The `files.*` channels, declared once for both ends: `files.downloadTicket` is the router's
// (host/runtime/jobs/job-channels.ts, browser mode); `files.pickOpen` and `files.saveAs` are answered by
// Electron's main process with native dialogs (host/electron/native-files.ts), never by the router.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';

/** A file the host now holds (uploads/): its id is what `ctx.files.get` takes. */
export interface PickedFile {
  fileId: string;
  name: string;
  size: number;
}

/** Where `files.saveAs` wrote the file. */
export interface SavedFile {
  path: string;
  name: string;
}

/** `files.downloadTicket`: a one-time URL of browser mode's `/download/`. */
export interface DownloadTicket {
  url: string;
  expiresAt: number;
}

const Extension = z.string().regex(/^[A-Za-z0-9]{1,16}$/, '扩展名只能包含字母和数字');

/** `files.pickOpen`: which files the dialog offers. */
export const PickOpenSchema = z.object({
  title: z.string().max(100).optional(),
  /** Without a dot, e.g. ["xlsx", "xls"]; all files when absent. */
  extensions: z.array(Extension).max(20).optional(),
  /** The filter's label, e.g. "Excel 工作簿". */
  filterName: z.string().max(100).optional(),
});

/** `files.saveAs`: a stored file (an export) the session may read. */
export const SaveAsSchema = z.object({
  fileId: z.string().min(1, '请指定文件'),
  title: z.string().max(100).optional(),
  /** The name the dialog proposes; the stored file's name when absent. Its extension is kept. */
  defaultName: z.string().max(200).optional(),
});

export const FILES_DOWNLOAD_TICKET = defineChannel({
  name: 'files.downloadTicket',
  input: z.object({ fileId: z.string().min(1) }),
  output: returns<DownloadTicket>(),
  minTier: 'user',
});

/** Electron only: a native open dialog; the chosen file is copied into uploads/. Null when cancelled. */
export const FILES_PICK_OPEN = defineChannel({
  name: 'files.pickOpen',
  input: PickOpenSchema,
  output: returns<PickedFile | null>(),
  minTier: 'user',
});

/** Electron only: a native save dialog for a stored file. Null when cancelled. */
export const FILES_SAVE_AS = defineChannel({
  name: 'files.saveAs',
  input: SaveAsSchema,
  output: returns<SavedFile | null>(),
  minTier: 'user',
});
