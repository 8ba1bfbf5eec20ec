import { z } from 'zod';

const livingid = z.string({ error: '请选择直播' }).trim().min(1, '请选择直播').max(128, 'livingid 过长');

export const ImportSchema = z.object({
  livingid,
  fileId: z.string({ error: '请先上传签到表' }).trim().min(1, '请先上传签到表').max(128),
});

export const LiveSchema = z.object({ livingid });

export const RowsSchema = z.object({
  jobId: z.string().trim().min(1, '缺少任务编号').max(64),
  state: z.enum(['matched', 'ambiguous', 'unmatched']).optional(),
  roundNo: z.number().int().min(1).max(10_000).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
});

/** `checkin-import.prepare` takes nothing. */
export const PrepareSchema = z.object({});
