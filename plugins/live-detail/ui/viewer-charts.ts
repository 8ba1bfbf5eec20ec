import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { injectChartDark } from '../../../sdk/ui/chart-scheme.js';
import type { LiveDetailCharts } from '../shared/live-detail-api.js';
import { viewerChartCards, type ViewerChartCard } from '../shared/viewer-chart-options.js';

// The options are built in shared/ so the detail export renders the very same charts into its workbook.
export { pieLabel } from '../shared/viewer-chart-options.js';

/** The viewer profile (R5.4): the series of `live-detail.get` drawn with ECharts, in the app's theme. */
@Component({
  selector: 'wl-viewer-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  templateUrl: './viewer-charts.html',
  styleUrl: './viewer-charts.scss',
})
export class ViewerCharts {
  readonly charts = input.required<LiveDetailCharts>();
  readonly inviterSupported = input(true);
  private readonly dark = injectChartDark();

  protected readonly cards = computed<ViewerChartCard[]>(() =>
    viewerChartCards(this.charts(), { dark: this.dark(), inviterSupported: this.inviterSupported() }),
  );
}
