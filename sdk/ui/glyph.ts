import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { APP_ICONS, type AppIconName } from './icons.js';

export type GlyphName = AppIconName;

/**
 * An icon of the app's set (sdk/ui/icons.ts) drawn inline, 24 px unless `--wl-glyph-size` says
 * otherwise, in the current text colour; decorative (the button or text around it carries the label).
 * The login page and the wizard use it so they need no MatIconRegistry lookups while the app starts.
 */
@Component({
  selector: 'wl-glyph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './glyph.html',
  styleUrl: './glyph.scss',
})
export class Glyph {
  readonly name = input.required<GlyphName>();
  protected readonly path = computed(() => APP_ICONS[this.name()]);
}
