import { Clipboard } from '@angular/cdk/clipboard';
import { Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import { HOST_ABOUT, type AboutInfo } from '../../../../sdk/contracts/host-channels.js';
import { SettingsAccess } from '../settings-access.js';
import { zoneName } from '../../../../sdk/ui/chinese-dates.js';

interface PathRow {
  label: string;
  value: string;
}

/** 关于: version, where the data lives (admins), licence, privacy notice and disclaimer (R9.2). */
@Component({
  selector: 'wls-about-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatTooltipModule, PageState],
  templateUrl: './about-page.component.html',
  styleUrls: ['../shared/page.scss', './about-page.scss'],
})
export class AboutPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  protected readonly zoneName = zoneName;
  private readonly rpc = inject(RpcClient);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);

  protected readonly about = signal<AboutInfo | null>(null);
  protected readonly paths = signal<PathRow[]>([]);
  protected readonly pageLoad = new PageLoad('无法读取程序信息。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    await this.pageLoad.run(async () => {
      const info = await this.rpc.call(HOST_ABOUT);
      this.about.set(info);
      // The host sends the paths to admins only.
      const rows: Array<[string, string | undefined]> = [
        ['数据目录', info.dataDir],
        ['数据库文件', info.databaseFile],
        ['日志目录', info.logDir],
      ];
      this.paths.set(
        rows.flatMap(([label, value]) => (value === undefined || value === '' ? [] : [{ label, value }])),
      );
    });
  }

  protected copy(row: PathRow): void {
    if (this.clipboard.copy(row.value)) this.notifier.success(`已复制${row.label}`);
    else this.notifier.failure(null, '复制失败，请手动选择文字复制。');
  }
}
