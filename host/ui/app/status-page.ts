import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PluginStatus } from '../../../sdk/contracts/events.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { PluginMenu } from './plugin-menu.js';

const STATE_LABELS: Record<PluginStatus['state'], string> = {
  enabled: '已启用',
  disabled: '已停用',
  failed: '加载失败',
};

/** The host at a glance (version, plugins and their states); also the home of an account with no menu. */
@Component({
  selector: 'wl-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatProgressBarModule, MatIconModule, MatButtonModule],
  templateUrl: './status-page.html',
  styleUrl: './status-page.scss',
})
export class StatusPage implements OnInit {
  protected readonly session = inject(AppSession);
  protected readonly menu = inject(PluginMenu);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly stateLabel = STATE_LABELS;

  ngOnInit(): void {
    void this.refresh();
  }

  protected async refresh(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      await this.session.refreshStatus();
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
