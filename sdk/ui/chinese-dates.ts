// Dates and times in Chinese for every page: the Material date adapter with plain day numbers ("2", not
// "2日"), the zh-CN locale, the picker's screen-reader labels, and the Chinese name of the zone shown.
import { Injectable, type Provider } from '@angular/core';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_DATE_LOCALE,
  MAT_NATIVE_DATE_FORMATS,
  NativeDateAdapter,
} from '@angular/material/core';
import {
  MatDatepicker,
  MatDatepickerInput,
  MatDatepickerIntl,
  MatDatepickerToggle,
  MatDateRangeInput,
  MatDateRangePicker,
  MatEndDate,
  MatStartDate,
} from '@angular/material/datepicker';
import { ChineseDatepickerIntl } from './material-intl.js';

/** The native adapter in zh-CN, but the calendar's cells read "2" where zh-CN would give "2日". */
@Injectable()
export class ChineseDateAdapter extends NativeDateAdapter {
  override getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, index) => String(index + 1));
  }
}

/** App-wide (host/ui app.config): the Chinese date adapter, formats, locale and picker labels. */
export function provideChineseDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'zh-CN' },
    { provide: DateAdapter, useClass: ChineseDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: ChineseDatepickerIntl },
  ];
}

/*
 * What a page imports instead of MatDatepickerModule: that module provides its own (English)
 * MatDatepickerIntl to every component importing it, which hides the app-wide Chinese labels.
 */
export const DATE_PICKER = [MatDatepicker, MatDatepickerInput, MatDatepickerToggle] as const;
export const DATE_RANGE_PICKER = [
  MatDateRangeInput,
  MatStartDate,
  MatEndDate,
  MatDateRangePicker,
  MatDatepickerToggle,
] as const;

/** IANA names that are China's one zone (UTC+8), shown as 北京时间. */
const BEIJING_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

/** "北京时间" for China's zone; any other zone keeps its IANA name (Asia/Tokyo). */
export function zoneName(timeZone: string): string {
  return BEIJING_ZONES.has(timeZone) ? '北京时间' : timeZone;
}

/** The zone this browser reads and shows local times in (the create form's times). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
