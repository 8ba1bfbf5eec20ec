/**
 * The rules of a live's cover and share image (living/create `activity_cover_mediaid` /
 * `activity_share_mediaid`): uploaded as a temporary image (media/upload type=image), which WeCom takes
 * as JPG or PNG, more than 5 bytes and at most 10 MB; only an activity live (type 4) uses them.
 * Shared by the form (early checks, hints) and the host (the checks that count).
 */

export const IMAGE_MIN_BYTES = 6;
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png'] as const;

export type LiveImageField = 'cover' | 'share';

export const LIVE_IMAGE_LABELS: Record<LiveImageField, string> = { cover: '封面图', share: '分享图' };

/** The create input's field of each image. */
export const LIVE_IMAGE_INPUTS: Record<LiveImageField, 'cover_file_id' | 'share_file_id'> = {
  cover: 'cover_file_id',
  share: 'share_file_id',
};

export type ImageKind = 'jpeg' | 'png';

/** JPG or PNG by the file's first bytes (its name may lie); null for anything else. */
export function imageKindOf(head: Uint8Array): ImageKind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= png.length && png.every((byte, i) => head[i] === byte)) return 'png';
  return null;
}

/** What is wrong with an image of `size` bytes and that kind, as the sentence after the field name. */
export function imageProblem(size: number, kind: ImageKind | null): string | null {
  if (kind === null) return '只支持 JPG 或 PNG 图片，请另存为 JPG/PNG 后重新选择';
  if (size < IMAGE_MIN_BYTES) return '文件是空的或已损坏，请重新选择图片';
  if (size > IMAGE_MAX_BYTES) {
    return `图片为 ${(size / 1024 / 1024).toFixed(1)} MB，超过企业微信的 10 MB 上限，请压缩后重新选择`;
  }
  return null;
}

/** `KB` / `MB` text of a size. */
export function sizeText(size: number): string {
  return size >= 1024 * 1024
    ? `${(size / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(size / 1024))} KB`;
}
