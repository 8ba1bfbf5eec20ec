import { z } from 'zod';
import { VIEWER_SORT_COLUMNS } from '../../../sdk/contracts/lives.js';

/** A live's id as every live-detail channel takes it. */
export const LivingidSchema = z
  .string({ error: '缺少直播 ID（livingid）' })
  .trim()
  .min(1, '缺少直播 ID（livingid）')
  .max(128);
const livingid = LivingidSchema;
const page = z.number().int('页码应为整数').min(1, '页码从 1 开始').default(1);
const pageSize = z.number().int('每页条数应为整数').min(1).max(500, '每页最多 500 条').default(20);
const keyword = z.string().trim().max(100, '搜索词最多 100 个字符').optional();

const watchSeconds = z
  .number()
  .int('观看时长应为整数秒')
  .min(0, '观看时长不能为负')
  .max(7 * 24 * 3600);
export const ViewerFiltersSchema = z
  .object({
    checkedIn: z.boolean().optional(),
    types: z
      .array(z.enum(['member', 'wechat', 'corp'], { error: '观众类型无效' }))
      .max(3)
      .optional(),
    minWatch: watchSeconds.optional(),
    maxWatch: watchSeconds.optional(),
    hasInviter: z.boolean().optional(),
  })
  .refine(
    (filters) =>
      filters.minWatch === undefined ||
      filters.maxWatch === undefined ||
      filters.minWatch <= filters.maxWatch,
    { message: '观看时长的下限不能大于上限' },
  );

/** The page's sortable headers: the store's columns and 消息邀请 (this plugin's own data). */
export const DETAIL_SORT_COLUMNS = [...VIEWER_SORT_COLUMNS, 'messageInvite'] as const;
export type DetailSortColumn = (typeof DETAIL_SORT_COLUMNS)[number];
export const DetailSortSchema = z.object({
  column: z.enum(DETAIL_SORT_COLUMNS, { error: '无法按该列排序' }),
  direction: z.enum(['asc', 'desc'], { error: '排序方向应为升序或降序' }),
});

export const GetDetailSchema = z.object({
  livingid,
  refresh: z.boolean().optional(),
  /** With `refresh`: members user/get could not name lately are asked again now (the 刷新 button). */
  recheckNames: z.boolean().optional(),
  keyword,
  filters: ViewerFiltersSchema.optional(),
  /** Absent: longest watchers first. */
  sort: DetailSortSchema.optional(),
  page,
  pageSize,
});
export const UnmatchedSchema = z.object({ livingid, keyword, page, pageSize });
export const ExportSchema = z.object({ livingid, withCharts: z.boolean().optional() });

export type GetDetail = z.infer<typeof GetDetailSchema>;
export type DetailSort = z.infer<typeof DetailSortSchema>;
export type ExportDetail = z.infer<typeof ExportSchema>;

const rowRef = {
  livingid,
  roundNo: z.number().int('轮次应为整数').min(1, '轮次从 1 开始'),
  rowNo: z.number().int('行号应为整数').min(1, '行号从 1 开始'),
  memberLabel: z.string({ error: '缺少签到成员' }).min(1, '缺少签到成员').max(255),
};
export const CandidatesSchema = z.object(rowRef);
export const ResolveSchema = z.object({
  ...rowRef,
  viewerKind: z.enum(['internal', 'external'], { error: '观众类型无效' }),
  viewerId: z.string({ error: '缺少观众 ID' }).trim().min(1, '缺少观众 ID').max(128),
});
