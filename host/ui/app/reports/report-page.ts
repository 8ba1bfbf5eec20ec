import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Sort } from '@angular/material/sort';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ReportParameter } from '../../../../sdk/contracts/report-definition.js';
import {
  bindChartOption,
  compareReportValues,
  formatReportValue,
} from '../../../../sdk/contracts/report-format.js';
import type { ReportParameterValues, ReportRunResult } from '../../../../sdk/contracts/reports.js';
import { NGMODEL_FIELD_IMPORTS, DATA_TABLE_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { DATE_PICKER, DATE_RANGE_PICKER, zoneName } from '../../../../sdk/ui/chinese-dates.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../../sdk/ui/error-snack.js';
import { FileTransfer } from '../../../../sdk/ui/file-transfer.js';
import { LivePicker } from '../../../../sdk/ui/live-picker.js';
import { appIconName } from '../../../../sdk/ui/icons.js';
import { providePaginatorIntl } from '../../../../sdk/ui/material-intl.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { injectChartDark } from '../../../../sdk/ui/chart-scheme.js';
import {
  REPORTS_DEFINITION,
  REPORTS_EXPORT,
  REPORTS_RUN,
  type ReportDefinition,
} from '../../../../sdk/contracts/reports-channels.js';

type Row = Record<string, unknown>;

const LIGHT_COLOURS = ['#3f6ad8', '#2e9d6b', '#e39b2d', '#c0504d', '#8064a2', '#4bacc6'];
const DARK_COLOURS = ['#8fb0ff', '#6fd3a4', '#ffc46b', '#ff8a80', '#c5a3ff', '#7fdcf0'];

const pad = (n: number) => String(n).padStart(2, '0');
/** A picked day (the picker's Date at local midnight) as YYYY-MM-DD. */
function dayOf(date: Date | null | undefined): string | null {
  return date instanceof Date && !Number.isNaN(date.getTime())
    ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    : null;
}
function dateOf(day: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return match === null ? null : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The report's axes with the theme's label and line colours (an option's own settings stay). */
function themedAxes(option: Record<string, unknown>, text: string, line: string): Record<string, unknown> {
  const theme = (axis: unknown): unknown => {
    if (axis === null || typeof axis !== 'object') return axis;
    const own = axis as Record<string, Record<string, unknown> | undefined>;
    return {
      ...own,
      axisLabel: { color: text, ...own['axisLabel'] },
      axisLine: { lineStyle: { color: line } },
      splitLine: { lineStyle: { color: line, opacity: 0.3 } },
    };
  };
  const out: Record<string, unknown> = {};
  for (const key of ['xAxis', 'yAxis']) {
    const axes = option[key];
    if (axes !== undefined) out[key] = Array.isArray(axes) ? axes.map(theme) : theme(axes);
  }
  return out;
}

/**
 * `/reports/<id>`: one page for every report plugin (docs/report-plugins.md). The form is built from the
 * definition's parameters; 运行 asks `reports.run`; the table sorts and pages on the client (the host caps
 * the rows); the charts are the definition's ECharts options bound to the rows; 导出 Excel asks
 * `reports.export` and saves the workbook.
 */
@Component({
  selector: 'wl-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NGMODEL_FIELD_IMPORTS,
    DATA_TABLE_IMPORTS,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    NgxEchartsDirective,
    LivePicker,
    ...DATE_PICKER,
    ...DATE_RANGE_PICKER,
  ],
  providers: [providePaginatorIntl('行')],
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
})
export class ReportPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly rpc = inject(RpcClient);
  private readonly files = inject(FileTransfer);
  private readonly snack = inject(MatSnackBar);
  private readonly dark = injectChartDark();
  protected readonly time = inject(DateTimeText);
  protected readonly iconName = appIconName;

  protected readonly definition = signal<ReportDefinition | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly values = signal<Record<string, unknown>>({});
  protected readonly result = signal<ReportRunResult | null>(null);
  protected readonly running = signal(false);
  protected readonly runError = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);

  protected readonly columns = computed(() => this.definition()?.table.columns ?? []);
  protected readonly columnKeys = computed(() => this.columns().map((column) => column.key));
  protected readonly zone = computed(() => zoneName(this.definition()?.timeZone ?? 'Asia/Shanghai'));

  /** The table's rows as objects, sorted. */
  protected readonly rows = computed<Row[]>(() => {
    const definition = this.definition();
    const answer = definition === null ? undefined : this.result()?.results[definition.table.query];
    if (answer === undefined) return [];
    const rows = answer.rows.map((row) => Object.fromEntries(answer.columns.map((key, i) => [key, row[i]])));
    const { active, direction } = this.sort();
    if (active === '' || direction === '') return rows;
    const sign = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compareReportValues(a[active], b[active]));
  });
  protected readonly pageRows = computed(() => {
    const start = this.pageIndex() * this.pageSize();
    return this.rows().slice(start, start + this.pageSize());
  });

  protected readonly charts = computed(() => {
    const definition = this.definition();
    const result = this.result();
    if (definition === null || result === null) return [];
    const dark = this.dark();
    const text = dark ? '#e3e2e6' : '#1b1b1f';
    const axis = dark ? '#8e9099' : '#74777f';
    return definition.charts.map((chart) => {
      const answer = result.results[chart.query] ?? { columns: [], rows: [] };
      const bound = bindChartOption(chart.option, answer.columns, answer.rows);
      const legend = bound['legend'];
      const options: EChartsCoreOption = {
        ...bound,
        backgroundColor: 'transparent',
        color: dark ? DARK_COLOURS : LIGHT_COLOURS,
        textStyle: { color: text },
        animation: false,
        ...(legend !== undefined && typeof legend === 'object'
          ? { legend: { ...(legend as object), textStyle: { color: text } } }
          : {}),
        ...themedAxes(bound, text, axis),
      };
      return {
        id: chart.id,
        title: chart.title,
        height: chart.height,
        options,
        empty: answer.rows.length === 0,
      };
    });
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id: string): Promise<void> {
    this.definition.set(null);
    this.result.set(null);
    this.loadError.set(null);
    this.runError.set(null);
    try {
      const definition = await this.rpc.call(REPORTS_DEFINITION, { id });
      const values: Record<string, unknown> = {};
      for (const p of definition.parameters) {
        const value = definition.defaults[p.name] ?? null;
        if (p.type === 'date') values[p.name] = dateOf(value as string | null);
        else if (p.type === 'dateRange') {
          const range = value as { from: string; to: string } | null;
          values[`${p.name}.from`] = dateOf(range?.from);
          values[`${p.name}.to`] = dateOf(range?.to);
        } else values[p.name] = value;
      }
      this.values.set(values);
      this.pageSize.set(definition.table.pageSize);
      this.pageIndex.set(0);
      const sort = definition.table.sort;
      this.sort.set(
        sort === null ? { active: '', direction: '' } : { active: sort.key, direction: sort.direction },
      );
      this.definition.set(definition);
      if (this.ready()) await this.run();
    } catch (error) {
      this.loadError.set(describeAnyError(error));
    }
  }

  protected value(key: string): unknown {
    return this.values()[key] ?? null;
  }
  protected setValue(key: string, value: unknown): void {
    this.values.update((values) => ({ ...values, [key]: value }));
  }

  /** Every required parameter has a value. */
  protected ready(): boolean {
    const definition = this.definition();
    if (definition === null) return false;
    return definition.parameters.every((p) => !p.required || this.present(p));
  }
  private present(p: ReportParameter): boolean {
    if (p.type === 'dateRange')
      return this.value(`${p.name}.from`) !== null && this.value(`${p.name}.to`) !== null;
    const value = this.value(p.name);
    return value !== null && value !== '';
  }

  /** The values as the host takes them. */
  private params(): ReportParameterValues {
    const out: ReportParameterValues = {};
    for (const p of this.definition()?.parameters ?? []) {
      if (p.type === 'date') out[p.name] = dayOf(this.value(p.name) as Date | null);
      else if (p.type === 'dateRange') {
        const from = dayOf(this.value(`${p.name}.from`) as Date | null);
        const to = dayOf(this.value(`${p.name}.to`) as Date | null);
        out[p.name] = from === null || to === null ? null : { from, to };
      } else if (p.type === 'number') {
        const raw = this.value(p.name);
        out[p.name] = raw === null || raw === '' ? null : Number(raw);
      } else if (p.type === 'boolean') out[p.name] = this.value(p.name) === true;
      else out[p.name] = (this.value(p.name) as string | null) ?? null;
    }
    return out;
  }

  protected async run(): Promise<void> {
    const definition = this.definition();
    if (definition === null || this.running()) return;
    this.running.set(true);
    this.runError.set(null);
    try {
      this.result.set(await this.rpc.call(REPORTS_RUN, { id: definition.id, params: this.params() }));
      this.pageIndex.set(0);
    } catch (error) {
      this.runError.set(describeAnyError(error));
    } finally {
      this.running.set(false);
    }
  }

  protected async exportExcel(): Promise<void> {
    const definition = this.definition();
    if (definition === null || this.exporting()) return;
    this.exporting.set(true);
    try {
      const exported = await this.rpc.call(REPORTS_EXPORT, {
        id: definition.id,
        params: this.params(),
      });
      const saved = await this.files.saveExport(exported.fileId, exported.name);
      if (saved.kind !== 'cancelled')
        this.snack.open(`已导出 ${exported.rows} 行：${exported.name}`, '好', { duration: 4000 });
    } catch (error) {
      this.snack.open(describeAnyError(error), '关闭', { duration: 8000, politeness: 'assertive' });
    } finally {
      this.exporting.set(false);
    }
  }

  protected sorted(sort: Sort): void {
    this.sort.set(sort);
    this.pageIndex.set(0);
  }

  protected paged(event: { pageIndex: number; pageSize: number }): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected cell(row: Row, key: string, format: Parameters<typeof formatReportValue>[1]): string {
    return formatReportValue(row[key], format, this.definition()?.timeZone ?? 'Asia/Shanghai');
  }

  protected numeric(format: string): boolean {
    return format !== 'text' && format !== 'date' && format !== 'datetime' && format !== 'boolean';
  }

  /** A live parameter's livingid, for the live picker. */
  protected liveValue(key: string): string | null {
    const value = this.value(key);
    return typeof value === 'string' && value !== '' ? value : null;
  }
}
