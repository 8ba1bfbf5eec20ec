// The inputs of the live-surface channels (R10.1): delete a replay, a WeChat viewing code, who shared a link.
import { z } from 'zod';
import { LivingidSchema } from './input-schemas.js';

const livingid = LivingidSchema;

export const DeleteReplaySchema = z.object({ livingid });
export const LivingCodeSchema = z.object({
  livingid,
  openid: z
    .string({ error: '请填写观众的微信 openid' })
    .trim()
    .min(1, '请填写观众的微信 openid')
    .max(128, 'openid 最多 128 个字符')
    .regex(/^[\w-]+$/, 'openid 只能包含字母、数字、_ 和 -，请从贵企业的小程序或公众号后台复制'),
});
export const ShareInfoSchema = z.object({
  livingid,
  shareCode: z
    .string({ error: '请填写分享码（ww_share_code）' })
    .trim()
    .min(1, '请填写分享码（ww_share_code）')
    .max(256, '分享码最多 256 个字符'),
});
