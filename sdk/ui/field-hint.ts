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
  templateUrl: './field-hint.html',
  styleUrl: './field-hint.scss',
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
