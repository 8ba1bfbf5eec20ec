import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { THEME_LABELS, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { Glyph, type GlyphName } from '../login/glyph.js';

/** Step 5: follow the system, light or dark (R2.1); applied at once and remembered. */
@Component({
  selector: 'wl-theme-step',
  imports: [MatButton, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>选择界面主题</h2>
    <p class="lead">随时可以在页面右上角的主题按钮，或「系统设置 → 账户 → 外观」中更改。</p>
    <div class="options" role="radiogroup" aria-label="界面主题">
      @for (option of options; track option.mode) {
        <button
          type="button"
          class="option"
          role="radio"
          [class.selected]="theme.mode() === option.mode"
          [attr.aria-checked]="theme.mode() === option.mode"
          [attr.data-testid]="'wizard-theme-' + option.mode"
          (click)="theme.choose(option.mode)"
        >
          <span [class]="'preview ' + option.mode" aria-hidden="true">
            <span class="bar"></span><span class="line"></span><span class="line short"></span>
          </span>
          <span class="label"><wl-glyph [name]="option.glyph" /> {{ labels[option.mode] }}</span>
          <span class="note">{{ option.note }}</span>
        </button>
      }
    </div>
    <div class="actions">
      <button matButton="filled" type="button" (click)="next.emit()" data-testid="theme-next">下一步</button>
    </div>
  `,
  styleUrl: './wizard-step.scss',
  styles: `
    .options {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 16px;
    }
    .option {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px;
      border-radius: 16px;
      border: 2px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .option:hover {
      background: var(--mat-sys-surface-container);
    }
    .option:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .option.selected {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .preview {
      display: flex;
      flex-direction: column;
      gap: 6px;
      height: 72px;
      padding: 10px;
      box-sizing: border-box;
      border-radius: 10px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .preview.light {
      background: #f8f9ff;
    }
    .preview.dark {
      background: #111318;
    }
    .preview.system {
      background: linear-gradient(135deg, #f8f9ff 50%, #111318 50%);
    }
    .bar {
      height: 12px;
      width: 60%;
      border-radius: 6px;
      background: #4a6fa5;
    }
    .line {
      height: 8px;
      border-radius: 4px;
      background: #8a94a6;
      opacity: 0.6;
    }
    .line.short {
      width: 40%;
    }
    .label {
      display: flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-title-small);
    }
    .note {
      font: var(--mat-sys-body-small);
      opacity: 0.8;
    }
  `,
})
export class ThemeStep {
  protected readonly theme = inject(AppTheme);
  protected readonly labels = THEME_LABELS;
  readonly next = output();
  protected readonly options: Array<{ mode: ThemeMode; glyph: GlyphName; note: string }> = [
    { mode: 'system', glyph: 'contrast', note: '随操作系统的明暗设置切换' },
    { mode: 'light', glyph: 'light_mode', note: '明亮清爽，适合白天' },
    { mode: 'dark', glyph: 'dark_mode', note: '护眼暗色，适合夜间' },
  ];
}
