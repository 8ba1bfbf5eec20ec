import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/** The circled "!" beside a field (seed 000 §6.3.1); a click toggles it for touch and keyboard users. */
@Component({
  selector: 'wlc-hint',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button
      matIconButton
      type="button"
      class="hint"
      [matTooltip]="text()"
      #tooltip="matTooltip"
      (click)="tooltip.toggle(); $event.stopPropagation()"
      [attr.aria-label]="label() + '：' + text()"
    >
      <mat-icon svgIcon="wlc:hint" />
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
export class FieldHint {
  readonly text = input.required<string>();
  readonly label = input('填写说明');
}
