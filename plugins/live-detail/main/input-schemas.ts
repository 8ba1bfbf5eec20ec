import { z } from 'zod';

const livingid = z
  .string({ error: '缺少直播 ID（livingid）' })
  .trim()
  .min(1, '缺少直播 ID（livingid）')
  .max(128);
const page = z.number().int('页码应为整数').min(1, '页码从 1 开始').default(1);
const pageSize = z.number().int('每页条数应为整数').min(1).max(500, '每页最多 500 条').default(20);
const keyword = z.string().trim().max(100, '搜索词最多 100 个字符').optional();

export const GetDetailSchema = z.object({
  livingid,
  refresh: z.boolean().optional(),
  keyword,
  page,
  pageSize,
});
export const UnmatchedSchema = z.object({ livingid, keyword, page, pageSize });
export const PickerSchema = z.object({ keyword, page, pageSize });
export const ExportSchema = z.object({ livingid, withCharts: z.boolean().optional() });

export type GetDetail = z.infer<typeof GetDetailSchema>;
export type ExportDetail = z.infer<typeof ExportSchema>;
