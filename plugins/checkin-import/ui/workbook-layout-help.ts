import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';

/** The layout a check-in workbook must have (R6.1), with WeCom's example. */
@Component({
  selector: 'wci-workbook-layout-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatExpansionModule],
  templateUrl: './workbook-layout-help.html',
  styleUrl: './workbook-layout-help.scss',
})
export class WorkbookLayoutHelp {
  /** Open while the user has not chosen a file yet; closed once there is a preview to read. */
  readonly expanded = input(false);
}
