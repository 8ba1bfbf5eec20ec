import { Injectable } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

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
