import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';

/** The layout a check-in workbook must have (R6.1), with WeCom's example. */
@Component({
  selector: 'wci-workbook-layout-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatExpansionModule],
  template: `
    <mat-expansion-panel class="help" [expanded]="expanded()">
      <mat-expansion-panel-header>
        <mat-panel-title>签到表格式说明</mat-panel-title>
        <mat-panel-description>企业微信导出的签到 Excel（.xlsx）</mat-panel-description>
      </mat-expansion-panel-header>
      <ul class="rules">
        <li>一个工作簿，每次签到一个工作表，按顺序命名为「第一次签到」「第二次签到」……</li>
        <li>
          每个工作表先是「签到统计」（签到发起时间、已签到人数），再是「签到明细」（已签到成员、所在部门）。
        </li>
        <li>已签到人数必须等于签到明细的行数；同一次签到中同一成员只能出现一次。</li>
        <li>
          「黍离。&#64;微信」表示微信用户，「张三&#64;某某公司」表示该企业的企业微信用户，部门为「-」表示无。
        </li>
        <li>签到发起时间按本系统设置的时区读取。有任何问题时不会导入任何数据，并指出工作表和行号。</li>
      </ul>
      <p class="example-title">示例：工作表「第一次签到」</p>
      <div class="table-scroll">
        <table class="example" aria-label="签到表示例">
          <tbody>
            <tr>
              <th colspan="2">签到统计</th>
            </tr>
            <tr>
              <td class="head">签到发起时间</td>
              <td class="head">已签到人数</td>
            </tr>
            <tr>
              <td>2025.3.13 12:17</td>
              <td>2</td>
            </tr>
            <tr>
              <td colspan="2" class="blank"></td>
            </tr>
            <tr>
              <th colspan="2">签到明细</th>
            </tr>
            <tr>
              <td class="head">已签到成员</td>
              <td class="head">所在部门</td>
            </tr>
            <tr>
              <td>黍离。&#64;微信</td>
              <td>-</td>
            </tr>
            <tr>
              <td>万强&#64;微信</td>
              <td>-</td>
            </tr>
          </tbody>
        </table>
      </div>
    </mat-expansion-panel>
  `,
  styles: `
    :host {
      display: block;
    }
    .rules {
      margin: 0 0 12px;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    .rules li + li {
      margin-top: 4px;
    }
    .example-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .table-scroll {
      overflow-x: auto;
    }
    .example {
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .example th,
    .example td {
      min-width: 140px;
      padding: 4px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .example th {
      background: var(--mat-sys-surface-container-high);
    }
    .example .head {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 500;
    }
    .example .blank {
      height: 12px;
    }
  `,
})
export class WorkbookLayoutHelp {
  /** Open while the user has not chosen a file yet; closed once there is a preview to read. */
  readonly expanded = input(false);
}
