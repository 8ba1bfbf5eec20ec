import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/**
 * The circled "!" beside a field (seed 000 §4.2): where in the WeCom admin console the value is found.
 * A click toggles it too, for touch screens and keyboards.
 */
@Component({
  selector: 'wls-hint',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button
      matIconButton
      type="button"
      class="hint"
      [matTooltip]="text()"
      matTooltipClass="wls-hint-tooltip"
      #tooltip="matTooltip"
      (click)="tooltip.toggle(); $event.stopPropagation()"
      [attr.aria-label]="label() + '：' + text()"
    >
      <mat-icon svgIcon="error_outline" />
    </button>
  `,
  styles: `
    .hint {
      --mat-icon-button-state-layer-size: 32px;
      width: 32px;
      height: 32px;
      padding: 4px;
      color: var(--mat-sys-primary);
    }
  `,
})
export class Hint {
  readonly text = input.required<string>();
  readonly label = input('填写说明');
}
