import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { CallContext, StoredFile } from '../../../sdk/main/plugin-context.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/private-files.js';
import { mayAccess, ownerOf } from './ownership.js';
import { CLOCK, HOST_SETTINGS, KNEX } from '../core/tokens.js';

interface FileRow {
  id: string;
  owner_userid: string | null;
  owner_corp_id: string | null;
  kind: 'upload' | 'export';
  name: string;
  size: number;
  path: string;
  created_at: number;
}

interface DownloadTicket {
  fileId: string;
  sessionId: string;
  expiresAt: number;
}

const TICKET_TTL_MS = 60_000;

function toStored(row: FileRow): StoredFile {
  return { fileId: row.id, name: row.name, size: row.size, path: row.path, ownerUserid: row.owner_userid };
}

/** Keeps only a safe display name: no folders, no control characters, bounded length. */
export function safeFileName(name: string): string {
  // Control characters and the characters Windows forbids in file names.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const forbidden = /[\u0000-\u001f<>:"|?*]/g;
  const cleaned = basename(name.replace(/\\/g, '/')).replace(forbidden, '_').trim();
  return (cleaned.length > 0 ? cleaned : 'file').slice(0, 200);
}

/**
 * Uploaded and generated files under the data dir, each owned by a user; single-use, short-lived,
 * session-scoped download tickets.
 */
@injectable()
export class FileStore {
  private readonly tickets = new Map<string, DownloadTicket>();
  private readonly uploadsDir: string;
  private readonly exportsDir: string;

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) settings: HostSettings,
  ) {
    this.uploadsDir = join(settings.dataDir, 'uploads');
    this.exportsDir = join(settings.dataDir, 'exports');
    mkdirSync(this.uploadsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    mkdirSync(this.exportsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  }

  /**
   * At start, before any upload can be in progress: what uploads/ holds without a files row was left
   * by an upload a crash or a lost connection interrupted, and is deleted. Answers how many.
   */
  async sweepPartialUploads(): Promise<number> {
    const names = readdirSync(this.uploadsDir);
    if (names.length === 0) return 0;
    // By id (an upload's file name), not by path: a data dir moved whole keeps its uploads.
    const recorded = new Set(
      ((await this.db('files').where({ kind: 'upload' }).select('id')) as Array<{ id: string }>).map(
        (row) => row.id,
      ),
    );
    let removed = 0;
    for (const name of names) {
      if (recorded.has(name)) continue;
      rmSync(join(this.uploadsDir, name), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  /** A path for an upload in progress; `completeUpload` records it, `discard` removes it. */
  reserveUpload(): { fileId: string; path: string } {
    const fileId = randomUUID();
    return { fileId, path: join(this.uploadsDir, fileId) };
  }

  /** Records a finished upload for the caller's account (corp and userid). */
  async completeUpload(fileId: string, name: string, call: CallContext): Promise<StoredFile> {
    const path = join(this.uploadsDir, fileId);
    const owner = ownerOf(call);
    const row: FileRow = {
      id: fileId,
      owner_userid: owner.userid,
      owner_corp_id: owner.corpId,
      kind: 'upload',
      name: safeFileName(name),
      size: statSync(path).size,
      path,
      created_at: this.clock.now(),
    };
    await this.db('files').insert(row);
    return toStored(row);
  }

  discard(path: string): void {
    rmSync(path, { force: true });
  }

  /** A generated file of the account (corpId, ownerUserid): a job passes its `owner` and `corpId`. */
  async createExport(
    fileName: string,
    ownerUserid: string | null,
    corpId: string | null,
  ): Promise<StoredFile> {
    const fileId = randomUUID();
    const folder = join(this.exportsDir, fileId);
    mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
    const name = safeFileName(fileName);
    const row: FileRow = {
      id: fileId,
      owner_userid: ownerUserid,
      owner_corp_id: corpId,
      kind: 'export',
      name,
      size: 0,
      path: join(folder, name),
      created_at: this.clock.now(),
    };
    await this.db('files').insert(row);
    return toStored(row);
  }

  async finalize(fileId: string): Promise<StoredFile> {
    const row = await this.row(fileId);
    // Whatever wrote it (exceljs, a copy) used the process umask; a data-dir file is the owner's only.
    if (process.platform !== 'win32') chmodSync(row.path, PRIVATE_FILE_MODE);
    const size = statSync(row.path).size;
    await this.db('files').where({ id: fileId }).update({ size });
    return toStored({ ...row, size });
  }

  /** A file the caller may read: their own account's, or their corp's for a WeCom admin. */
  async get(fileId: string, call: CallContext): Promise<StoredFile> {
    const row = (await this.db('files').where({ id: fileId }).first()) as FileRow | undefined;
    if (row === undefined || !mayAccess({ userid: row.owner_userid, corpId: row.owner_corp_id }, call)) {
      throw new AppError('NOT_FOUND', '文件不存在或无权访问。', { fileId });
    }
    return toStored(row);
  }

  async createDownloadTicket(
    fileId: string,
    call: CallContext,
  ): Promise<{ ticket: string; expiresAt: number }> {
    await this.get(fileId, call);
    if (call.sessionId === null) throw new AppError('UNAUTHENTICATED', '请先登录。');
    this.dropExpiredTickets();
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = this.clock.now() + TICKET_TTL_MS;
    this.tickets.set(ticket, { fileId, sessionId: call.sessionId, expiresAt });
    return { ticket, expiresAt };
  }

  /** Redeems a ticket once; null when unknown, used or expired. */
  async redeemDownloadTicket(ticket: string): Promise<{ file: StoredFile; sessionId: string } | null> {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (entry === undefined || entry.expiresAt < this.clock.now()) return null;
    const row = (await this.db('files').where({ id: entry.fileId }).first()) as FileRow | undefined;
    return row === undefined ? null : { file: toStored(row), sessionId: entry.sessionId };
  }

  private async row(fileId: string): Promise<FileRow> {
    const row = (await this.db('files').where({ id: fileId }).first()) as FileRow | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '文件不存在。', { fileId });
    return row;
  }

  private dropExpiredTickets(): void {
    const now = this.clock.now();
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt < now) this.tickets.delete(ticket);
  }
}
