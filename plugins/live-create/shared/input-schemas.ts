import { z } from 'zod';
import {
  charCount,
  DESCRIPTION_MAX_CHARS,
  MAX_DURATION_SECONDS,
  MAX_REMIND_SECONDS,
  MIN_DURATION_SECONDS,
  THEME_MAX_CHARS,
} from './live-rules.js';

const anchorUserid = z
  .string({ error: '请填写主播 userid' })
  .trim()
  .min(1, '请填写主播 userid')
  .max(64, '主播 userid 最多 64 个字符')
  .regex(/^[\w.@-]+$/, '主播 userid 只能包含字母、数字和 _ . @ -');
const anchorName = z.string().trim().max(64, '主播名称最多 64 个字符');
const theme = z
  .string({ error: '请填写直播主题' })
  .trim()
  .min(1, '请填写直播主题')
  .refine((value) => charCount(value) <= THEME_MAX_CHARS, {
    error: (issue) => `直播主题最多 ${THEME_MAX_CHARS} 个字（当前 ${charCount(String(issue.input))} 个）`,
  });
const livingStart = z.number({ error: '请选择开始时间' }).int('开始时间应为整秒的 Unix 时间戳').positive();
const livingDuration = z
  .number({ error: '请选择结束时间' })
  .int('直播时长应为整秒')
  .min(MIN_DURATION_SECONDS, '直播时长至少 1 分钟')
  .max(MAX_DURATION_SECONDS, '直播时长不能超过 24 小时');
const type = z.number().int().min(0, '直播类型应为 0–4').max(4, '直播类型应为 0–4');
const description = z
  .string()
  .trim()
  .refine((value) => charCount(value) <= DESCRIPTION_MAX_CHARS, {
    error: (issue) =>
      `直播简介最多 ${DESCRIPTION_MAX_CHARS} 个字（当前 ${charCount(String(issue.input))} 个）`,
  });
const remindTime = z
  .number()
  .int()
  .min(0, '提醒时间不能为负')
  .max(MAX_REMIND_SECONDS, '提醒时间最多提前 7 天');

const imageFileId = z.string().trim().max(128).optional();

/** `live-create.create` (docs/architecture.md "RPC and errors"; WeCom's field names where they mirror WeCom). */
export const CreateLiveSchema = z.object({
  anchor_userid: anchorUserid,
  /** Stored locally only (R3.1, used by R4.6). */
  anchor_name: anchorName.optional(),
  theme,
  /** Unix seconds. */
  living_start: livingStart,
  /** Seconds. */
  living_duration: livingDuration,
  type: type.default(3),
  description: description.optional(),
  remind_time: remindTime.optional(),
  /** Uploaded files (FileTransfer) of the cover and share images; type 4 only. */
  cover_file_id: imageFileId,
  share_file_id: imageFileId,
  /** Same key, same live: a double click or a retried call never creates a second one. */
  idempotencyKey: z
    .string()
    .regex(/^[\w-]{8,64}$/, '请求标识格式不正确')
    .optional(),
});
export type CreateLive = z.infer<typeof CreateLiveSchema>;

export const ModifyLiveSchema = z.object({
  livingid: z.string().trim().min(1, '请指定直播').max(128),
  anchor_name: anchorName.optional(),
  theme: theme.optional(),
  living_start: livingStart.optional(),
  living_duration: livingDuration.optional(),
  type: type.optional(),
  description: description.optional(),
  remind_time: remindTime.optional(),
});
export type ModifyLive = z.infer<typeof ModifyLiveSchema>;

export const GetLiveSchema = z.object({ livingid: z.string().trim().min(1).max(128) });

export const RecentLivesSchema = z.object({ limit: z.number().int().min(1).max(50).default(10) });

export const CheckImageSchema = z.object({
  field: z.enum(['cover', 'share']),
  fileId: z.string().trim().min(1, '请先选择图片').max(128),
});
