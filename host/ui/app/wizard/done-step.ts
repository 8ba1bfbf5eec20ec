import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { THEME_LABELS } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { Glyph } from '../login/glyph.js';
import { RootReauth } from './root-reauth.js';
import { SetupFlow } from './setup-flow.js';

/** The last step: what was set up, and into the app as root-admin. */
@Component({
  selector: 'wl-done-step',
  imports: [MatButton, MatProgressBar, Glyph, RootReauth],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./wizard-step.scss', './done-step.scss'],
  templateUrl: './done-step.html',
})
export class DoneStep {
  protected readonly flow = inject(SetupFlow);
  protected readonly theme = inject(AppTheme);
  protected readonly labels = THEME_LABELS;
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);

  async enter(): Promise<void> {
    this.busy.set(true);
    this.banner.set(null);
    try {
      await this.flow.finish();
    } catch (error) {
      this.banner.set(error instanceof RpcError ? describeError(error.body) : '无法进入系统，请稍后重试。');
    } finally {
      this.busy.set(false);
    }
  }
}
