import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { CORPS_LIST, type CorpView } from '../../../../sdk/contracts/corps-channels.js';
import {
  USERS_LIST,
  USERS_REMOVE,
  USERS_RESET_PASSWORD,
  USERS_SAVE,
  type UserRow,
} from '../../../../sdk/contracts/users-channels.js';
import { AddAdminDialog, type AddAdminData, type AddedAdmin } from './add-admin-dialog.js';
import { InitialCodeDialog, type InitialCodeData } from './initial-code-dialog.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';

interface UserGroup {
  key: string;
  title: string;
  corpId: string | null;
  users: UserRow[];
}

/** 用户与权限 (root-admin): accounts grouped by corp; WeCom admins added, changed, reset and removed. */
@Component({
  selector: 'wls-users-page',
  imports: [SETTINGS_PAGE_IMPORTS, NgTemplateOutlet, MatChipsModule, MatMenuModule, MatTableModule],
  templateUrl: './users-page.component.html',
  styleUrls: ['../shared/page.scss', './users-page.scss'],
})
export class UsersPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly narrow = injectNarrow();
  protected readonly tierLabels = TIER_LABELS;
  protected readonly columns = ['userid', 'username', 'tier', 'password', 'lastLogin', 'actions'];

  protected readonly users = signal<UserRow[]>([]);
  protected readonly corps = signal<CorpView[]>([]);
  protected readonly pageLoad = new PageLoad('无法读取用户列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly busy = signal<number | null>(null);

  /** One group per corp (corps without users too, so their admins can be added), local accounts first. */
  protected readonly groups = computed<UserGroup[]>(() => {
    const groups = new Map<string, UserGroup>();
    for (const user of this.users()) {
      if (user.corpId === null) {
        const local = groups.get('local') ?? { key: 'local', title: '本机账户', corpId: null, users: [] };
        local.users.push(user);
        groups.set('local', local);
      }
    }
    for (const corp of this.corps()) {
      groups.set(corp.corpId, { key: corp.corpId, title: corp.corpname, corpId: corp.corpId, users: [] });
    }
    for (const user of this.users()) {
      if (user.corpId === null) continue;
      const group = groups.get(user.corpId) ?? {
        key: user.corpId,
        title: user.corpname ?? '（已删除的企业）',
        corpId: user.corpId,
        users: [],
      };
      group.users.push(user);
      groups.set(user.corpId, group);
    }
    return [...groups.values()].filter((group) => group.users.length > 0);
  });

  ngOnInit(): void {
    void this.load();
  }

  async load(showLoading = true): Promise<void> {
    await this.pageLoad.run(async () => {
      const [users, corps] = await Promise.all([this.rpc.call(USERS_LIST), this.rpc.call(CORPS_LIST)]);
      this.users.set(users);
      this.corps.set(corps);
    }, !showLoading);
  }

  /** Typed access in templates where the table's row context is untyped. */
  protected asUser(user: UserRow): UserRow {
    return user;
  }

  /** Logins that left the userid empty share one account per corp; say so instead of showing nothing. */
  protected useridText(user: UserRow): string {
    return user.userid === '' ? '（未填写用户ID）' : user.userid;
  }

  protected time(at: number | null): string {
    return this.dateTime.format(at);
  }

  protected busyIn(group: UserGroup): boolean {
    const id = this.busy();
    return id !== null && group.users.some((user) => user.id === id);
  }

  protected passwordText(user: UserRow): string {
    if (user.tier === 'user') return '无需密码';
    if (user.tier === 'root-admin') return '已设置';
    return user.hasPassword ? '已设置' : '未设置（首次登录时凭初始码设置）';
  }

  protected async addAdmin(): Promise<void> {
    const ref = this.dialog.open<AddAdminDialog, AddAdminData, AddedAdmin>(AddAdminDialog, {
      data: { corps: this.corps() },
      width: '520px',
      maxWidth: '96vw',
      disableClose: true,
    });
    const added = await firstValueFrom(ref.afterClosed());
    if (added === undefined) return;
    this.notifier.success(`已将 ${added.userid} 设为「${added.corpname}」的企微管理员`);
    if (added.initialCode !== undefined) {
      await this.showInitialCode({
        userid: added.userid,
        corpname: added.corpname,
        initialCode: added.initialCode,
      });
    }
    await this.load(false);
  }

  protected async setTier(user: UserRow, tier: 'user' | 'wecom-admin'): Promise<void> {
    const name = user.username ? `${user.username}（${user.userid}）` : user.userid;
    const confirmed = await confirmAction(
      this.dialog,
      tier === 'user'
        ? {
            title: `取消「${name}」的企微管理员权限？`,
            message: '改为普通用户后，其本地密码会被清除，已登录的会话会被退出。',
            confirmText: '改为普通用户',
            destructive: true,
          }
        : {
            title: `将「${name}」设为企微管理员？`,
            message:
              '企微管理员可以修改本企业的配置并使用全部功能；确认后会显示一次初始码，本人首次登录时凭它设置本地密码。其已登录的会话会被退出。',
            confirmText: '设为企微管理员',
          },
    );
    const corpId = user.corpId;
    if (!confirmed || corpId === null) return;
    await this.run(user, async () => {
      const saved = await this.rpc.call(USERS_SAVE, {
        corpId,
        userid: user.userid,
        tier,
      });
      if (saved.initialCode !== undefined) {
        await this.showInitialCode({
          userid: user.userid,
          corpname: user.corpname ?? '',
          initialCode: saved.initialCode,
        });
      }
      return tier === 'user' ? `${name} 已改为普通用户` : `${name} 已设为企微管理员`;
    });
  }

  protected async resetPassword(user: UserRow): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `重置「${user.userid}」的本地密码？`,
      message:
        '其本地密码会被清除，已登录的会话会被退出；确认后会显示一次新的初始码，本人下次登录时凭它重新设置密码。',
      confirmText: '重置密码',
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(user, async () => {
      const reset = await this.rpc.call(USERS_RESET_PASSWORD, { id: user.id });
      if (reset.initialCode !== undefined) {
        await this.showInitialCode({
          userid: user.userid,
          corpname: user.corpname ?? '',
          initialCode: reset.initialCode,
        });
      }
      return `已重置 ${user.userid} 的本地密码`;
    });
  }

  protected async remove(user: UserRow): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `移除用户「${user.userid}」？`,
      message: '移除后该账户的权限设置会被删除。成员之后仍可用企业微信账号登录，届时作为普通用户重新出现。',
      confirmText: '移除',
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(user, async () => {
      await this.rpc.call(USERS_REMOVE, { id: user.id });
      return `已移除 ${user.userid}`;
    });
  }

  /** The one time root-admin sees an initial code (the host keeps only its hash). */
  private async showInitialCode(data: InitialCodeData): Promise<void> {
    const ref = this.dialog.open<InitialCodeDialog, InitialCodeData>(InitialCodeDialog, {
      data,
      width: '480px',
      maxWidth: '96vw',
      disableClose: true,
    });
    await firstValueFrom(ref.afterClosed());
  }

  private async run(user: UserRow, action: () => Promise<string>): Promise<void> {
    this.busy.set(user.id);
    try {
      this.notifier.success(await action());
      await this.load(false);
    } catch (error) {
      this.notifier.failure(error);
    } finally {
      this.busy.set(null);
    }
  }
}
