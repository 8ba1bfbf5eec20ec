import { inject, Injectable } from '@angular/core';
import { BrowserFilePicker } from './browser-file-picker.js';
import type { UploadedFile } from './file-routes.js';
import { RpcClient, RpcError } from './rpc-client.js';
import { FILES_DOWNLOAD_TICKET, FILES_PICK_OPEN, FILES_SAVE_AS } from '../contracts/files-channels.js';
import type { ChannelInput } from '../contracts/channel.js';

export interface PickAndUploadOptions {
  /** The chooser's title (Electron's dialog; the browser's chooser has none). */
  title?: string;
  /** The file type filter's label, e.g. "Excel 工作簿". */
  filterName?: string;
  /** 0…1 while the chosen file is sent (browser mode); Electron copies it in the host, at once. */
  onProgress?: (fraction: number) => void;
}

/** How a `saveExport` ended: saved where the user chose (Electron), handed to the browser, or cancelled. */
export type SaveOutcome =
  { kind: 'saved'; path: string; name: string } | { kind: 'downloading' } | { kind: 'cancelled' };

/** Extensions without dots, lower case: ".XLSX" and "xlsx" both become "xlsx". */
function normalise(extensions: readonly string[]): string[] {
  return extensions.map((extension) => extension.replace(/^\./, '').toLowerCase()).filter((e) => e !== '');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Files between the user and the host, the same way for every plugin page in both modes. The mode is
 * the RpcClient's transport's: browser mode has `/upload` and download tickets; in Electron the main
 * process opens native dialogs and copies the file itself, so it never passes through the renderer.
 */
@Injectable({ providedIn: 'root' })
export class FileTransfer {
  private readonly rpc = inject(RpcClient);
  private readonly picker = inject(BrowserFilePicker);

  /** Which way files travel right now. */
  mode(): 'native' | 'browser' {
    return this.rpc.browserFiles() === null ? 'native' : 'browser';
  }

  /**
   * Lets the user choose a file of the given extensions (e.g. `['xlsx', 'xls']`; any file when empty)
   * and hands it to the host. Answers its `fileId` (for `ctx.files.get` in the plugin's main part), or
   * null when the user cancelled. Failures reject with an RpcError carrying the host's Chinese message.
   */
  async pickAndUpload(
    accept: readonly string[],
    options: PickAndUploadOptions = {},
  ): Promise<UploadedFile | null> {
    const extensions = normalise(accept);
    const routes = this.rpc.browserFiles();
    if (routes === null) {
      const input: ChannelInput<typeof FILES_PICK_OPEN> = {};
      if (options.title !== undefined) input.title = options.title;
      if (extensions.length > 0) input.extensions = extensions;
      if (options.filterName !== undefined) input.filterName = options.filterName;
      return this.rpc.call(FILES_PICK_OPEN, input);
    }
    const file = await this.picker.pick(extensions.map((extension) => `.${extension}`).join(','));
    if (file === null) return null;
    if (extensions.length > 0 && !extensions.includes(extensionOf(file.name))) {
      throw new RpcError({
        code: 'INVALID_INPUT',
        message: `请选择 ${extensions.map((extension) => `.${extension}`).join(' / ')} 文件。`,
        details: { field: 'file' },
      });
    }
    const report = options.onProgress;
    report?.(0);
    const result = await routes.upload(file, this.rpc.session(), (sent, total) =>
      report?.(total > 0 ? Math.min(1, sent / total) : 0),
    );
    if (!result.ok) throw new RpcError(result.error);
    report?.(1);
    return result.data;
  }

  /**
   * Saves a file the host made (an export in `exports/`): a native "save as" dialog in Electron, an
   * ordinary browser download in browser mode. `suggestedName` defaults to the stored file's name.
   */
  async saveExport(fileId: string, suggestedName?: string): Promise<SaveOutcome> {
    const routes = this.rpc.browserFiles();
    if (routes === null) {
      const input: ChannelInput<typeof FILES_SAVE_AS> = { fileId };
      if (suggestedName !== undefined) input.defaultName = suggestedName;
      const saved = await this.rpc.call(FILES_SAVE_AS, input);
      return saved === null ? { kind: 'cancelled' } : { kind: 'saved', path: saved.path, name: saved.name };
    }
    const { url } = await this.rpc.call(FILES_DOWNLOAD_TICKET, {
      fileId,
    });
    routes.download(url, suggestedName ?? '');
    return { kind: 'downloading' };
  }
}
