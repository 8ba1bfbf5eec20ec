import { readFile } from 'node:fs/promises';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { CallContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { WeComGateway } from '../../../sdk/wecom/index.js';
import { ACTIVITY_LIVE_TYPE } from '../shared/live-rules.js';
import {
  imageKindOf,
  imageProblem,
  LIVE_IMAGE_INPUTS,
  LIVE_IMAGE_LABELS,
  type ImageKind,
  type LiveImageField,
} from '../shared/image-rules.js';

export interface CheckedImage {
  field: LiveImageField;
  fileId: string;
  name: string;
  size: number;
  kind: ImageKind;
  data: Buffer;
}

export interface LiveImageIds {
  cover_file_id?: string | undefined;
  share_file_id?: string | undefined;
}

/** The images' media ids for living/create. */
export interface LiveMediaIds {
  activity_cover_mediaid?: string;
  activity_share_mediaid?: string;
}

function invalid(field: LiveImageField, problem: string): AppError {
  return new AppError('INVALID_INPUT', `${LIVE_IMAGE_LABELS[field]}：${problem}。`, {
    field: LIVE_IMAGE_INPUTS[field],
  });
}

/** An uploaded file the caller may read, checked as a WeCom image (type by content, size). */
export async function readImage(
  ctx: PluginContext,
  field: LiveImageField,
  fileId: string,
  call: CallContext,
): Promise<CheckedImage> {
  let stored;
  try {
    stored = await ctx.files.get(fileId, call);
  } catch {
    throw invalid(field, '找不到已上传的图片（可能已被清理），请重新选择');
  }
  const data = await readFile(stored.path);
  const kind = imageKindOf(data.subarray(0, 8));
  const problem = imageProblem(data.length, kind);
  if (problem !== null || kind === null) throw invalid(field, problem ?? '图片无效');
  return { field, fileId, name: stored.name, size: data.length, kind, data };
}

/** Both images of a create input, checked; an image on a live that is not an activity live is refused. */
export async function readLiveImages(
  ctx: PluginContext,
  input: LiveImageIds & { type: number },
  call: CallContext,
): Promise<CheckedImage[]> {
  const images: CheckedImage[] = [];
  for (const field of ['cover', 'share'] as const) {
    const fileId = input[LIVE_IMAGE_INPUTS[field]];
    if (fileId === undefined || fileId === '') continue;
    if (input.type !== ACTIVITY_LIVE_TYPE) {
      throw invalid(field, '只有「活动直播」使用封面图和分享图，请把直播类型改为活动直播，或移除图片');
    }
    images.push(await readImage(ctx, field, fileId, call));
  }
  return images;
}

/**
 * Uploads the images as temporary media (media/upload type=image) at submit time; a second upload of
 * the same file only leaves an unused temporary media that WeCom drops after three days.
 */
export async function uploadLiveImages(gateway: WeComGateway, images: CheckedImage[]): Promise<LiveMediaIds> {
  const ids: LiveMediaIds = {};
  for (const image of images) {
    const extension = image.kind === 'png' ? 'png' : 'jpg';
    const uploaded = await gateway.uploadMedia('image', {
      data: image.data,
      filename: `${image.field}.${extension}`,
      contentType: image.kind === 'png' ? 'image/png' : 'image/jpeg',
    });
    if (image.field === 'cover') ids.activity_cover_mediaid = uploaded.media_id;
    else ids.activity_share_mediaid = uploaded.media_id;
  }
  return ids;
}

/** `live-create.checkImage`: the checks of one image and a preview (data URL) for the form. */
export async function previewImage(
  ctx: PluginContext,
  field: LiveImageField,
  fileId: string,
  call: CallContext,
): Promise<{ fileId: string; name: string; size: number; dataUrl: string }> {
  const image = await readImage(ctx, field, fileId, call);
  const mime = image.kind === 'png' ? 'image/png' : 'image/jpeg';
  return {
    fileId,
    name: image.name,
    size: image.size,
    dataUrl: `data:${mime};base64,${image.data.toString('base64')}`,
  };
}
