// Angular Material's own labels in Chinese, for every plugin's pages. The paginator's is provided per route
// (`providePaginatorIntl('场')`, its unit differs); the date picker's app-wide (chinese-dates.ts).
import { Injectable, type Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** The paginator in Chinese; `unit` counts the rows (条, 场, 人). */
export class ChinesePaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = '每页条数';
  override nextPageLabel = '下一页';
  override previousPageLabel = '上一页';
  override firstPageLabel = '第一页';
  override lastPageLabel = '最后一页';

  constructor(private readonly unit = '条') {
    super();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return `共 0 ${this.unit}`;
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return `第 ${start}–${end} ${this.unit}，共 ${length} ${this.unit}`;
  };
}

/** Provides the Chinese paginator labels counting rows in `unit`. */
export function providePaginatorIntl(unit = '条'): Provider {
  return { provide: MatPaginatorIntl, useFactory: () => new ChinesePaginatorIntl(unit) };
}

/** The date picker's own labels in Chinese. */
@Injectable()
export class ChineseDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = '日历';
  override openCalendarLabel = '打开日历';
  override closeCalendarLabel = '关闭日历';
  override prevMonthLabel = '上个月';
  override nextMonthLabel = '下个月';
  override prevYearLabel = '上一年';
  override nextYearLabel = '下一年';
  override prevMultiYearLabel = '上 24 年';
  override nextMultiYearLabel = '下 24 年';
  override switchToMonthViewLabel = '选择日期';
  override switchToMultiYearViewLabel = '选择年份和月份';
  override startDateLabel = '开始日期';
  override endDateLabel = '结束日期';
}
