import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { CdkConnectedOverlay, CdkOverlayOrigin, type ConnectedPosition } from '@angular/cdk/overlay';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';

let nextId = 0;

/**
 * The circled "!" next to an input (R2.2, R3.1): a tooltip on hover and focus, and a
 * click-to-open popover, because touch screens have no hover. Escape or a click elsewhere closes it.
 * `label` names the field ("企业ID"); `text` says where the value comes from. Needs APP_ICONS registered.
 */
@Component({
  selector: 'wl-field-hint',
  imports: [CdkConnectedOverlay, CdkOverlayOrigin, MatIconButton, MatIcon, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      matIconButton
      type="button"
      class="hint-button"
      cdkOverlayOrigin
      #origin="cdkOverlayOrigin"
      [matTooltip]="text()"
      [matTooltipDisabled]="open()"
      matTooltipPosition="above"
      [attr.aria-label]="label() + '：填写说明'"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="open() ? id : null"
      (click)="$event.stopPropagation(); open.set(!open())"
    >
      <mat-icon svgIcon="error_outline" aria-hidden="true" />
    </button>
    <ng-template
      cdkConnectedOverlay
      [cdkConnectedOverlayOrigin]="origin"
      [cdkConnectedOverlayOpen]="open()"
      [cdkConnectedOverlayPositions]="positions"
      (overlayOutsideClick)="open.set(false)"
      (detach)="open.set(false)"
      (overlayKeydown)="$event.key === 'Escape' && open.set(false)"
    >
      <div class="wl-hint-popover" role="note" [id]="id">
        <strong>{{ label() }}</strong>
        <p>{{ text() }}</p>
      </div>
    </ng-template>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .hint-button {
      color: var(--mat-sys-primary);
    }
    .hint-button mat-icon {
      width: 20px;
      height: 20px;
    }
    .wl-hint-popover {
      max-width: min(320px, calc(100vw - 32px));
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      box-shadow: var(--mat-sys-level2);
      font: var(--mat-sys-body-medium);
    }
    .wl-hint-popover p {
      margin: 4px 0 0;
    }
  `,
})
export class FieldHint {
  readonly label = input.required<string>();
  readonly text = input.required<string>();
  protected readonly open = signal(false);
  protected readonly id = `wl-field-hint-${nextId++}`;
  protected readonly positions: ConnectedPosition[] = [
    { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
    { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -4 },
  ];
}
