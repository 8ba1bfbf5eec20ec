import { z } from 'zod';
import { LivingidSchema } from './input-schemas.js';
import {
  MAX_DEPARTMENTS,
  MAX_LINK_CHARS,
  MAX_NOTE_CHARS,
  MAX_RECIPIENTS,
  USERID_PATTERN,
} from './invite-api.js';

const livingid = LivingidSchema;
const invitationId = z.string({ error: '缺少邀请 ID' }).trim().min(1, '缺少邀请 ID').max(64);

export const InviteDirectorySchema = z.object({
  keyword: z.string().trim().max(64, '搜索词最多 64 个字符').optional(),
  departmentId: z.number().int().positive().optional(),
  refresh: z.boolean().optional(),
});

/** One userid to invite, picked or pasted: the dialog's paste box tells them apart by this rule too. */
export const InviteUseridSchema = z
  .string()
  .trim()
  .regex(USERID_PATTERN, 'userid 只能由 1–64 个字母、数字或 _ - . @ 组成，请检查粘贴的收件人');
const userids = z.array(InviteUseridSchema).max(MAX_RECIPIENTS, {
  error: (issue) =>
    `收件人太多（${Array.isArray(issue.input) ? issue.input.length : '超过上限'} 人）：` +
    `一次最多邀请 ${MAX_RECIPIENTS} 人，请分几次发送`,
});

export const InviteResolveSchema = z.object({
  userids,
});

export const InviteSendSchema = z.object({
  livingid,
  userids,
  departmentIds: z
    .array(z.number().int().positive('部门 ID 无效'))
    .max(MAX_DEPARTMENTS, `一次最多选择 ${MAX_DEPARTMENTS} 个部门`)
    .default([]),
  note: z.string().max(MAX_NOTE_CHARS, `附言最多 ${MAX_NOTE_CHARS} 个字，请删减附言后再发送`).default(''),
  link: z
    .string({ error: '缺少观看链接：请填写直播的观看链接' })
    .trim()
    .min(1, '缺少观看链接：请填写直播的观看链接（企业微信直播里「分享」→「复制链接」）')
    .max(MAX_LINK_CHARS, `观看链接最多 ${MAX_LINK_CHARS} 个字符`)
    .regex(/^https?:\/\/\S+$/, '观看链接应以 http:// 或 https:// 开头，请粘贴完整链接'),
  idempotencyKey: z.string().trim().min(8).max(64),
});

/** `live-detail.invite` as the host reads it (defaults applied). */
export type InviteSend = z.output<typeof InviteSendSchema>;

export const InvitationsSchema = z.object({ livingid });
export const InviteRetrySchema = z.object({ invitationId });
export const InvitationRecipientsSchema = z.object({
  invitationId,
  states: z.array(z.enum(['pending', 'sent', 'invalid', 'failed', 'unknown'])).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

export interface ParsedUserids {
  /** In first-seen order, each once (compared case-insensitively, first spelling kept). */
  userids: string[];
  /** Entries that are no userid (bad characters, too long), as pasted. */
  malformed: string[];
  /** How many repeats were dropped. */
  duplicates: number;
}

/**
 * A pasted list of userids: split on new lines, commas (half and full width), semicolons (also `；`),
 * `、`, tabs and spaces; deduplicated case-insensitively (WeCom's userids are), malformed ones kept apart.
 */
export function parseUserids(text: string): ParsedUserids {
  const seen = new Set<string>();
  const userids: string[] = [];
  const malformed: string[] = [];
  let duplicates = 0;
  for (const raw of text.split(/[\s,，;；、|]+/u)) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (!InviteUseridSchema.safeParse(entry).success) {
      if (!malformed.includes(entry)) malformed.push(entry);
      continue;
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    userids.push(entry);
  }
  return { userids, malformed, duplicates };
}
