import { z } from 'zod';
import { isTimeZone } from '../../../sdk/contracts/zoned-time.js';

const userid = z
  .string()
  .trim()
  .max(64, '成员 userid 最多 64 个字符')
  .regex(/^[\w.@-]*$/, '成员 userid 只能包含字母、数字和 _ . @ -');
const time = (label: string) =>
  z
    .number({ error: `${label}应为 Unix 时间戳（秒）` })
    .int()
    .nonnegative();
const sort = z.object({
  field: z.enum(['start', 'theme', 'status', 'viewerNum', 'createdAt', 'lastSyncedAt'], {
    error: '排序字段应为 start、theme、status、viewerNum、createdAt 或 lastSyncedAt',
  }),
  direction: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }),
});

/** The filters `live-list.query` and `live-list.export` share. Times are Unix seconds. */
const filters = {
  userid: userid.optional(),
  keyword: z.string().trim().max(100, '搜索词最多 100 个字符').optional(),
  from: time('开始时间下限').optional(),
  to: time('开始时间上限').optional(),
  livingid: z.string().trim().min(1).max(128).optional(),
  sort: sort.optional(),
};

const checkRange = (value: { from?: number | undefined; to?: number | undefined }): boolean =>
  value.from === undefined || value.to === undefined || value.from <= value.to;
const RANGE_ERROR = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const QuerySchema = z
  .object({
    ...filters,
    page: z.number({ error: '请给出页码' }).int().min(1, '页码从 1 开始'),
    pageSize: z.number({ error: '请给出每页条数' }).int().min(1, '每页至少 1 条').max(200, '每页最多 200 条'),
  })
  .refine(checkRange, RANGE_ERROR);
export type QueryInput = z.infer<typeof QuerySchema>;
/** The filters as the page sends them. */
export type LiveListFilters = Omit<z.input<typeof QuerySchema>, 'sort' | 'page' | 'pageSize'>;

export const ExportSchema = z
  .object({
    ...filters,
    withCharts: z.boolean().optional(),
    // The installation's zone as host.status gives it to the page (dates are written in it).
    timeZone: z.string().refine(isTimeZone, '时区无效，应为 IANA 时区名，例如 Asia/Shanghai').optional(),
  })
  .refine(checkRange, RANGE_ERROR);
export type ExportInput = z.infer<typeof ExportSchema>;

export const SyncSchema = z.object({
  userid: userid.min(1, '请填写要同步的成员 userid'),
});
