import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** The paginator's texts in Chinese. */
@Injectable()
export class ZhPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = '每页条数';
  override nextPageLabel = '下一页';
  override previousPageLabel = '上一页';
  override firstPageLabel = '第一页';
  override lastPageLabel = '最后一页';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return '共 0 场';
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return `第 ${start}–${end} 场，共 ${length} 场`;
  };
}
