import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import type { UpdateFeedView } from '../../../../sdk/contracts/config.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';
import { CONFIG_GET, CONFIG_SET_UPDATE_FEED } from '../../../../sdk/contracts/config-channels.js';

const SOURCE_LABELS: Record<UpdateFeedView['source'], string> = {
  env: '环境变量',
  file: '本页设置（update.json）',
  none: '未设置',
};

/** The host's rule (update-feed-file.ts), checked here too so a typo shows at once: https, or http on this machine. */
const FEED_URL: ValidatorFn = (control) => {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { feed: '不是有效的网址' };
  }
  if (url.username !== '' || url.password !== '') return { feed: '网址中不能包含用户名或密码' };
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return null;
  return { feed: '必须使用 https 网址（http 只允许本机地址）' };
};

/** 软件更新 (root-admin, R1.6): the feed the installed app updates itself from. */
@Component({
  selector: 'wls-updates-page',
  imports: [SETTINGS_PAGE_IMPORTS, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  templateUrl: './updates-page.component.html',
  styleUrls: ['../shared/page.scss', './updates-page.scss'],
})
export class UpdatesPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);

  protected readonly view = signal<UpdateFeedView | null>(null);
  protected readonly pageLoad = new PageLoad('无法读取更新设置。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly url = new FormControl('', { nonNullable: true, validators: [FEED_URL] });
  protected readonly form = new FormGroup({ url: this.url });
  protected readonly fromEnv = computed(() => this.view()?.source === 'env');
  protected readonly sourceLabel = computed(() => SOURCE_LABELS[this.view()?.source ?? 'none']);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    await this.pageLoad.run(async () => {
      this.show((await this.rpc.call(CONFIG_GET)).updateFeed);
    });
  }

  protected async save(clear = false): Promise<void> {
    if (!clear && this.url.invalid) {
      this.url.markAsTouched();
      return;
    }
    const value = clear ? '' : this.url.value.trim();
    this.saving.set(true);
    this.formError.set(null);
    try {
      const answer = await this.rpc.call(CONFIG_SET_UPDATE_FEED, {
        url: value === '' ? null : value,
      });
      this.show(answer.updateFeed);
      this.notifier.success(value === '' ? '已清除更新源。' : '已保存更新源。');
    } catch (error) {
      const message = messageOf(error);
      if (fieldOf(error) === 'url' && !this.fromEnv()) {
        this.url.setErrors({ server: message });
        this.url.markAsTouched();
      } else {
        this.formError.set(message);
      }
    } finally {
      this.saving.set(false);
    }
  }

  private show(view: UpdateFeedView): void {
    this.view.set(view);
    this.url.reset(view.savedUrl ?? '');
    if (view.source === 'env') this.url.disable();
    else this.url.enable();
  }
}
