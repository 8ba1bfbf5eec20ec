import { constants } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import {
  FILES_PICK_OPEN,
  FILES_SAVE_AS,
  type PickedFile,
  type SavedFile,
} from '../../sdk/contracts/files-channels.js';
import { AppError } from '../../sdk/contracts/errors.js';
import type { CallContext } from '../../sdk/main/plugin-context.js';
import { safeFileName } from '../runtime/jobs/file-store.js';
import type { ElectronRuntime } from './electron-runtime.js';

/** A file type filter of a native dialog. */
export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, modal to the calling window; main.ts wraps Electron's `dialog`. */
export interface FileDialogs {
  /** The chosen file's path, or null when the user cancelled. */
  pickOpen(windowId: number, options: { title: string; filters: DialogFilter[] }): Promise<string | null>;
  /** The chosen target path, or null when the user cancelled. */
  saveAs(
    windowId: number,
    options: { title: string; defaultName: string; filters: DialogFilter[] },
  ): Promise<string | null>;
}

/** A proposed name made safe, with the stored file's extension (the dialog's filter) kept. */
export function proposedName(stored: string, suggested: string | undefined): string {
  if (suggested === undefined || suggested.trim() === '') return stored;
  const name = safeFileName(suggested);
  const extension = extname(stored);
  return extension === '' || extname(name).toLowerCase() === extension.toLowerCase()
    ? name
    : `${name}${extension}`;
}

export type { PickedFile, SavedFile };

export const NATIVE_FILE_CHANNELS = [FILES_PICK_OPEN.name, FILES_SAVE_AS.name] as const;
export type NativeFileChannel = (typeof NATIVE_FILE_CHANNELS)[number];

export function isNativeFileChannel(channel: string): channel is NativeFileChannel {
  return (NATIVE_FILE_CHANNELS as readonly string[]).includes(channel);
}

/** Parses an input the router's way: INVALID_INPUT naming the first bad field. */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '(输入)' : issue.path.map(String).join('.');
  throw new AppError('INVALID_INPUT', `输入无效：${field}：${issue?.message ?? '输入无效'}`, { field });
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/**
 * Electron's file channels (docs/architecture.md "Electron"): native dialogs instead of browser mode's `/upload` and
 * download tickets. A picked file is copied into the runtime's uploads, owned by the session's user, with
 * the same size cap; a stored file the session may read is copied to the path the user chose.
 */
export class NativeFiles {
  constructor(
    private readonly runtime: Pick<ElectronRuntime, 'sessions' | 'files' | 'settings'>,
    private readonly dialogs: FileDialogs,
  ) {}

  call(channel: NativeFileChannel, windowId: number, token: string | null, input: unknown): Promise<unknown> {
    return channel === FILES_PICK_OPEN.name
      ? this.pickOpen(windowId, token, input)
      : this.saveAs(windowId, token, input);
  }

  async pickOpen(windowId: number, token: string | null, raw: unknown): Promise<PickedFile | null> {
    const input = parse(FILES_PICK_OPEN.input, raw);
    const call = await this.caller(token);
    const filters: DialogFilter[] =
      input.extensions === undefined || input.extensions.length === 0
        ? []
        : [
            {
              name: input.filterName ?? '支持的文件',
              extensions: input.extensions.map((e) => e.toLowerCase()),
            },
          ];
    const chosen = await this.dialogs.pickOpen(windowId, { title: input.title ?? '选择文件', filters });
    if (chosen === null) return null;
    const info = await stat(chosen).catch(() => null);
    if (info === null || !info.isFile()) {
      throw new AppError('INVALID_INPUT', '所选文件无法读取，请重新选择。', { field: 'file' });
    }
    const maxBytes = this.runtime.settings.uploadMaxBytes;
    if (info.size > maxBytes) {
      throw new AppError('INVALID_INPUT', `文件超过 ${megabytes(maxBytes)} MB 上限`, {
        field: 'file',
        maxBytes,
      });
    }
    const files = this.runtime.files;
    const reserved = files.reserveUpload();
    try {
      // EXCL: the reserved path is fresh; never overwrite anything.
      await copyFile(chosen, reserved.path, constants.COPYFILE_EXCL);
      const stored = await files.completeUpload(reserved.fileId, basename(chosen), call);
      return { fileId: stored.fileId, name: stored.name, size: stored.size };
    } catch (error) {
      files.discard(reserved.path);
      throw error;
    }
  }

  async saveAs(windowId: number, token: string | null, raw: unknown): Promise<SavedFile | null> {
    const input = parse(FILES_SAVE_AS.input, raw);
    const call = await this.caller(token);
    const file = await this.runtime.files.get(input.fileId, call);
    const extension = extname(file.name).slice(1);
    const target = await this.dialogs.saveAs(windowId, {
      title: input.title ?? '保存文件',
      defaultName: proposedName(file.name, input.defaultName),
      filters: extension === '' ? [] : [{ name: `${extension.toUpperCase()} 文件`, extensions: [extension] }],
    });
    if (target === null) return null;
    try {
      await copyFile(file.path, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && (await stat(file.path).catch(() => null)) === null) {
        throw new AppError('NOT_FOUND', '文件已不存在，请重新导出。', { fileId: file.fileId });
      }
      throw new AppError('INVALID_INPUT', `无法保存到所选位置（${code ?? '未知错误'}），请换一个位置。`, {
        field: 'path',
      });
    }
    return { path: target, name: basename(target) };
  }

  /** The logged-in caller (any tier), as browser mode's upload requires. */
  private async caller(token: string | null): Promise<CallContext> {
    if (token === null) throw new AppError('UNAUTHENTICATED', '请先登录。');
    return this.runtime.sessions.resolve(token);
  }
}
