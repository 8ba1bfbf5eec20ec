import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { attachmentDisposition } from './content-disposition.js';
import { contentTypeFor } from './content-types.js';
import { sendError, setSecurityHeaders } from './http-responses.js';
import type { ServeContext } from './serve-context.js';

/**
 * `GET /download/<ticket>`: opened by the browser itself, so no token header; the single-use ticket
 * from `files.downloadTicket` is the credential, valid only while its session is.
 */
export async function handleDownload(ctx: ServeContext, res: ServerResponse, ticket: string): Promise<void> {
  const { files, sessions } = ctx.runtime;
  const redeemed = await files.redeemDownloadTicket(ticket);
  if (redeemed === null || !(await sessions.isActive(redeemed.sessionId))) {
    sendError(res, 404, 'NOT_FOUND', '下载链接无效、已使用或已过期，请重新点击下载。');
    return;
  }
  const { file } = redeemed;
  let size: number;
  try {
    size = (await stat(file.path)).size;
  } catch {
    sendError(res, 404, 'NOT_FOUND', '文件已不存在，请重新导出。', { fileId: file.fileId });
    return;
  }
  res.statusCode = 200;
  setSecurityHeaders(res);
  res.setHeader('Content-Type', contentTypeFor(file.name));
  res.setHeader('Content-Length', size);
  res.setHeader('Content-Disposition', attachmentDisposition(file.name));
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(createReadStream(file.path), res);
  } catch (error) {
    // The client left or the file vanished mid-way: nothing more can be said on this response.
    ctx.runtime.log.warn({ err: error, fileId: file.fileId }, 'download interrupted');
    res.destroy();
  }
}
