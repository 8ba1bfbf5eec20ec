import busboy from 'busboy';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../../sdk/contracts/errors.js';
import { fail, type RpcResult } from '../../sdk/contracts/rpc.js';
import type { CallContext } from '../../sdk/main/plugin-context.js';
import { sendEnvelope, sendJson } from './http-responses.js';
import { sessionHeader } from './request-guards.js';
import type { ServeContext } from './serve-context.js';

// Multipart boundaries and part headers around the one file; a body larger than the cap plus this is
// refused before it is read.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

type Outcome =
  | { kind: 'file'; name: string }
  | { kind: 'tooLarge' }
  | { kind: 'invalid'; message: string }
  | { kind: 'aborted' };

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function tooLarge(res: ServerResponse, maxBytes: number): void {
  const body: RpcResult = {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `文件超过 ${megabytes(maxBytes)} MB 上限`,
      details: { maxBytes },
    },
  };
  sendJson(res, 413, body);
}

function invalid(message: string): RpcResult {
  return fail({ code: 'INVALID_INPUT', message, details: { field: 'file' } });
}

/** Who uploads: a valid login session (any tier) owns the file. */
async function caller(ctx: ServeContext, req: IncomingMessage): Promise<CallContext | RpcResult> {
  const token = sessionHeader(req);
  if (token === null) return fail({ code: 'UNAUTHENTICATED', message: '请先登录。' });
  try {
    return await ctx.runtime.sessions.resolve(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail(error.toBody());
  }
}

/**
 * Streams the request's one file part to `path`, stopping at `maxBytes`. Resolves once the whole body
 * has been read (so the client always gets the answer) and the file is closed; the caller discards the
 * file unless the outcome is `file`.
 */
function receive(req: IncomingMessage, path: string, maxBytes: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send UTF-8 file names unencoded in `filename="..."`.
        defParamCharset: 'utf8',
        // busboy signals `limit` on reaching fileSize, so a file of exactly maxBytes needs one more.
        limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
      });
    } catch {
      req.resume();
      resolve({ kind: 'invalid', message: '请以 multipart/form-data 方式上传一个文件。' });
      return;
    }
    let outcome: Outcome | null = null;
    let name = '';
    let fileCount = 0;
    let writer: WriteStream | null = null;
    let writerClosed: Promise<void> = Promise.resolve();
    let parserDone = false;
    const settle = (): void => {
      if (!parserDone) return;
      void writerClosed.then(() => {
        if (outcome !== null) resolve(outcome);
        else if (fileCount === 0) resolve({ kind: 'invalid', message: '请求中没有文件。' });
        else if (name.trim() === '') resolve({ kind: 'invalid', message: '请选择要上传的文件。' });
        else resolve({ kind: 'file', name });
      });
    };
    const setOutcome = (next: Outcome): void => {
      outcome ??= next;
    };

    parser.on('file', (_field, file, info) => {
      fileCount += 1;
      name = info.filename ?? '';
      const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      writer = out;
      writerClosed = new Promise((done) => out.on('close', () => done()));
      out.on('error', () => {
        setOutcome({ kind: 'invalid', message: '文件无法保存，请重试。' });
        file.resume();
      });
      file.on('limit', () => {
        setOutcome({ kind: 'tooLarge' });
        file.unpipe(out);
        out.destroy();
        // Keep reading so the client finishes sending and sees the 413.
        file.resume();
      });
      file.pipe(out);
    });
    parser.on('filesLimit', () => setOutcome({ kind: 'invalid', message: '一次只能上传一个文件。' }));
    parser.on('partsLimit', () => setOutcome({ kind: 'invalid', message: '上传内容的字段过多。' }));
    parser.on('fieldsLimit', () => setOutcome({ kind: 'invalid', message: '上传内容的字段过多。' }));
    parser.on('error', () => {
      setOutcome({ kind: 'invalid', message: '上传内容格式不正确。' });
      writer?.destroy();
      req.unpipe(parser);
      req.resume();
      parserDone = true;
      settle();
    });
    parser.on('close', () => {
      parserDone = true;
      settle();
    });
    req.on('close', () => {
      if (req.complete) return;
      setOutcome({ kind: 'aborted' });
      writer?.destroy();
      parserDone = true;
      settle();
    });
    req.pipe(parser);
  });
}

/** `POST /upload` (server token + X-Session): one multipart file, streamed to uploads/ with a size cap. */
export async function handleUpload(
  ctx: ServeContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const maxBytes = ctx.runtime.settings.uploadMaxBytes;
  const call = await caller(ctx, req);
  if ('ok' in call) {
    req.resume();
    sendEnvelope(res, call);
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    req.resume();
    tooLarge(res, maxBytes);
    return;
  }
  const files = ctx.runtime.files;
  const reserved = files.reserveUpload();
  let outcome: Outcome;
  try {
    outcome = await receive(req, reserved.path, maxBytes);
  } catch (error) {
    files.discard(reserved.path);
    throw error;
  }
  if (outcome.kind !== 'file') {
    files.discard(reserved.path);
    if (outcome.kind === 'tooLarge') tooLarge(res, maxBytes);
    else if (outcome.kind === 'invalid') sendEnvelope(res, invalid(outcome.message));
    return;
  }
  try {
    const stored = await files.completeUpload(reserved.fileId, outcome.name, call);
    sendEnvelope(res, { ok: true, data: { fileId: stored.fileId, name: stored.name, size: stored.size } });
  } catch (error) {
    files.discard(reserved.path);
    throw error;
  }
}
