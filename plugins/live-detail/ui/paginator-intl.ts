import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** The paginator in Chinese. */
@Injectable()
export class ChinesePaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = '每页条数';
  override nextPageLabel = '下一页';
  override previousPageLabel = '上一页';
  override firstPageLabel = '第一页';
  override lastPageLabel = '最后一页';
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return '共 0 条';
    const start = page * pageSize + 1;
    return `第 ${start}–${Math.min(length, start + pageSize - 1)} 条，共 ${length} 条`;
  };
}
