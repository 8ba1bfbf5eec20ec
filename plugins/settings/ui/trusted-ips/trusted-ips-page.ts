import { Clipboard } from '@angular/cdk/clipboard';
import { Component, computed, DestroyRef, inject, signal, viewChild, type OnInit } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators, type ValidatorFn } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { FORM_FIELD_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import {
  TRUSTED_IPS_ADD,
  TRUSTED_IPS_DETECT_PUBLIC_IP,
  TRUSTED_IPS_LIST,
  type DetectedIp,
  type TrustedIp,
  type TrustedIpSource,
  type TrustedIpsView,
} from '../../../../sdk/contracts/trusted-ips-channels.js';
import { SettingsAccess } from '../settings-access.js';
import { EditIpsDialog } from './edit-ips-dialog.js';
import { isIpAddress } from './ip-address.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';

export const SOURCE_LABELS: Record<TrustedIpSource, string> = {
  detected: '检测到的公网IP',
  'wecom-60020': '企业微信报错 60020',
  manual: '手动添加',
};

const ipValidator: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() !== '' && !isIpAddress(control.value)
    ? { ip: true }
    : null;

/**
 * 可信 IP (R2.6, R2.7): the de-duplicated list of this machine's public IPs for WeCom's 企业可信 IP field,
 * copyable joined with `;`, with the way to the console. Admins add and edit; everyone can copy and detect.
 */
@Component({
  selector: 'wls-trusted-ips-page',
  imports: [SETTINGS_PAGE_IMPORTS, FORM_FIELD_IMPORTS, MatChipsModule, MatTableModule],
  templateUrl: './trusted-ips-page.component.html',
  styleUrls: ['../shared/page.scss', './trusted-ips-page.scss'],
})
export class TrustedIpsPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);
  protected readonly narrow = injectNarrow();
  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly sourceChip: Record<TrustedIpSource, string> = {
    detected: 'chip-info',
    'wecom-60020': 'chip-bad',
    manual: 'chip-off',
  };
  protected readonly columns = ['ip', 'source', 'first', 'last'];

  protected readonly view = signal<TrustedIpsView | null>(null);
  protected readonly ips = computed(() => this.view()?.ips ?? []);
  protected readonly consoleUrl = computed(
    () => this.view()?.consoleUrl ?? 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
  );
  protected readonly pageLoad = new PageLoad('无法读取可信 IP列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly detecting = signal(false);
  protected readonly detected = signal<DetectedIp | null>(null);
  protected readonly adding = signal(false);
  protected readonly addError = signal<string>('');
  protected readonly newIp = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, ipValidator],
  });
  protected readonly addForm = new FormGroup({ ip: this.newIp });
  private readonly addDirective = viewChild(FormGroupDirective);

  constructor() {
    // A 60020 anywhere records its IP on the host: show it here at once.
    const subscription = this.rpc.on('wecom.ipNotAllowed').subscribe(() => void this.load(false));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(showLoading = true): Promise<void> {
    await this.pageLoad.run(async () => {
      this.view.set(await this.rpc.call(TRUSTED_IPS_LIST));
    }, !showLoading);
  }

  protected asIp(entry: TrustedIp): TrustedIp {
    return entry;
  }

  protected time(at: number): string {
    return this.dateTime.format(at);
  }

  protected copy(text: string, done: string): void {
    if (this.clipboard.copy(text)) this.notifier.success(done);
    else this.notifier.failure(null, '复制失败，请手动选择文字复制。');
  }

  protected copyAll(): void {
    const view = this.view();
    if (view === null || view.copyText === '') return;
    this.copy(view.copyText, `已复制 ${view.ips.length} 个IP（以分号分隔），可直接粘贴到企业微信`);
  }

  protected async detect(): Promise<void> {
    this.detecting.set(true);
    try {
      const answer = await this.rpc.call(TRUSTED_IPS_DETECT_PUBLIC_IP);
      this.detected.set(answer);
      if (answer.ip !== null) await this.load(false);
    } catch (error) {
      this.notifier.failure(error, '检测公网IP失败。');
    } finally {
      this.detecting.set(false);
    }
  }

  protected async add(): Promise<void> {
    this.newIp.markAsTouched();
    if (this.newIp.invalid || this.adding()) return;
    const ip = this.newIp.value.trim();
    this.adding.set(true);
    try {
      const result = await this.rpc.call(TRUSTED_IPS_ADD, { ip });
      this.addDirective()?.resetForm({ ip: '' });
      const dropped =
        result.dropped.length > 0 ? `；超过上限，移除了最久未出现的 ${result.dropped.join('、')}` : '';
      this.notifier.success(`${result.added ? `已添加 ${ip}` : `${ip} 已在列表中`}${dropped}`);
      await this.load(false);
    } catch (error) {
      if (fieldOf(error) === 'ip') {
        this.addError.set(messageOf(error));
        this.newIp.setErrors({ server: true });
      } else this.notifier.failure(error, '添加失败。');
    } finally {
      this.adding.set(false);
    }
  }

  protected async editList(): Promise<void> {
    const view = this.view();
    if (view === null) return;
    const ref = this.dialog.open<EditIpsDialog, TrustedIpsView, TrustedIpsView>(EditIpsDialog, {
      data: view,
      width: '560px',
      maxWidth: '96vw',
      disableClose: true,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved === undefined) return;
    this.view.set(saved);
    this.notifier.success(`已保存可信 IP列表，共 ${saved.ips.length} 个`);
  }
}
