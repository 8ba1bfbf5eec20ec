import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { WecomApiError } from '../errors.js';
import type { ApiCall, ApiRoute } from './route.js';

const MB = 1024 * 1024;
/** Size limits and the errcode for breaking them, per media type (docs 90253). */
const LIMITS: Readonly<Record<string, { maxBytes: number; errcode: number }>> = {
  image: { maxBytes: 10 * MB, errcode: 40009 },
  voice: { maxBytes: 2 * MB, errcode: 40006 },
  video: { maxBytes: 10 * MB, errcode: 40011 },
  file: { maxBytes: 20 * MB, errcode: 40006 },
};

interface UploadedFile {
  filename: string;
  data: Buffer;
}

/**
 * POST /cgi-bin/media/upload?type=image|voice|video|file, multipart with the file in field "media".
 * Answers as the docs show it: errmsg "" and created_at as a string.
 */
export const mediaUploadRoute: ApiRoute = {
  api: 'media/upload',
  auth: true,
  async handle(call, ctx) {
    const type = call.query.get('type') ?? '';
    const limit = LIMITS[type];
    if (!limit) throw new WecomApiError(40005);
    const file = await readMediaField(call);
    if (!file || file.data.length === 0) throw new WecomApiError(44001);
    if (file.data.length <= 5) throw new WecomApiError(40006);
    if (file.data.length > limit.maxBytes) throw new WecomApiError(limit.errcode);
    if (type === 'image' && !isJpegOrPng(file.data)) throw new WecomApiError(40004);
    const mediaId = `3${randomBytes(40).toString('base64url')}`;
    const createdAt = ctx.clock.now();
    ctx.state.media.set(mediaId, {
      media_id: mediaId,
      type,
      filename: file.filename,
      size: file.data.length,
      created_at: createdAt,
    });
    return { errcode: 0, errmsg: '', type, media_id: mediaId, created_at: String(createdAt) };
  },
};

function readMediaField(call: ApiCall): Promise<UploadedFile | undefined> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: call.headers });
    } catch {
      // Not multipart at all: there is no media.
      resolve(undefined);
      return;
    }
    let found: UploadedFile | undefined;
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (name === 'media') chunks.push(chunk);
      });
      stream.on('end', () => {
        if (name === 'media' && !found)
          found = { filename: info.filename ?? '', data: Buffer.concat(chunks) };
      });
    });
    parser.on('close', () => resolve(found));
    parser.on('error', () => resolve(undefined));
    parser.end(call.rawBody);
  });
}

function isJpegOrPng(data: Buffer): boolean {
  const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}
