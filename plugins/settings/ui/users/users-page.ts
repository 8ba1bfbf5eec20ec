import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type { CorpView, UserRow } from '../settings-api.js';
import { AddAdminDialog, type AddAdminData, type AddedAdmin } from './add-admin-dialog.js';
import { InitialCodeDialog, type InitialCodeData } from './initial-code-dialog.js';

interface UserGroup {
  key: string;
  title: string;
  corpId: string | null;
  users: UserRow[];
}

/** 用户与权限 (root-admin): accounts grouped by corp; WeCom admins added, changed, reset and removed. */
@Component({
  selector: 'wls-users-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTableModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="users-title">
      <header class="page-head">
        <div>
          <h2 id="users-title">用户与权限</h2>
          <p class="sub">
            成员首次用企业微信账号登录后出现在这里。普通用户登录无需密码；企微管理员首次登录时设置本地密码。
          </p>
        </div>
        <div class="head-actions">
          <button matButton="filled" type="button" (click)="addAdmin()" [disabled]="corps().length === 0">
            <mat-icon svgIcon="person_add" />添加企微管理员
          </button>
        </div>
      </header>
      @if (!loading() && !error() && corps().length === 0) {
        <p class="notice" role="note">请先在「企业配置」中添加企业，再添加企微管理员。</p>
      }
      @if (loading()) {
        <wl-page-state state="loading" message="正在读取用户…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (groups().length === 0) {
        <wl-page-state state="empty" message="还没有用户。" />
      } @else {
        @for (group of groups(); track group.key) {
          <section class="group" [attr.aria-label]="group.title">
            <h3 class="group-title">
              {{ group.title }} <span class="muted">{{ group.users.length }} 人</span>
            </h3>
            @if (narrow()) {
              <div class="cards">
                @for (user of group.users; track user.id) {
                  <mat-card appearance="outlined" [class.row-busy]="busy() === user.id">
                    @if (busy() === user.id) {
                      <mat-progress-bar mode="indeterminate" />
                    }
                    <div class="card-body">
                      <div class="card-title with-menu">
                        <span>{{ user.username || useridText(user) }}</span>
                        @if (user.tier !== 'root-admin') {
                          <ng-container *ngTemplateOutlet="menuButton; context: { $implicit: user }" />
                        }
                      </div>
                      <dl class="fields">
                        <dt>用户ID</dt>
                        <dd class="mono">{{ useridText(user) }}</dd>
                        <dt>权限</dt>
                        <dd>{{ tierLabels[user.tier] }}</dd>
                        <dt>本地密码</dt>
                        <dd>{{ passwordText(user) }}</dd>
                        <dt>最近登录</dt>
                        <dd>{{ time(user.lastLoginAt) }}</dd>
                      </dl>
                    </div>
                  </mat-card>
                }
              </div>
            } @else {
              <div class="table-wrap">
                <table mat-table [dataSource]="group.users" [attr.aria-label]="group.title + '的用户'">
                  <ng-container matColumnDef="userid">
                    <th mat-header-cell *matHeaderCellDef>用户ID</th>
                    <td mat-cell *matCellDef="let user" class="mono">{{ useridText(user) }}</td>
                  </ng-container>
                  <ng-container matColumnDef="username">
                    <th mat-header-cell *matHeaderCellDef>姓名</th>
                    <td mat-cell *matCellDef="let user">{{ user.username || '—' }}</td>
                  </ng-container>
                  <ng-container matColumnDef="tier">
                    <th mat-header-cell *matHeaderCellDef>权限</th>
                    <td mat-cell *matCellDef="let user">
                      <mat-chip-set>
                        <mat-chip
                          [class]="user.tier === 'user' ? 'chip-off' : 'chip-info'"
                          [disableRipple]="true"
                        >
                          {{ tierLabels[asUser(user).tier] }}
                        </mat-chip>
                      </mat-chip-set>
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="password">
                    <th mat-header-cell *matHeaderCellDef>本地密码</th>
                    <td mat-cell *matCellDef="let user">{{ passwordText(user) }}</td>
                  </ng-container>
                  <ng-container matColumnDef="lastLogin">
                    <th mat-header-cell *matHeaderCellDef>最近登录</th>
                    <td mat-cell *matCellDef="let user" class="mono">{{ time(asUser(user).lastLoginAt) }}</td>
                  </ng-container>
                  <ng-container matColumnDef="actions">
                    <th mat-header-cell *matHeaderCellDef class="actions-col">
                      <span class="cdk-visually-hidden">操作</span>
                    </th>
                    <td mat-cell *matCellDef="let user" class="actions-col">
                      @if (asUser(user).tier !== 'root-admin') {
                        <ng-container *ngTemplateOutlet="menuButton; context: { $implicit: user }" />
                      }
                    </td>
                  </ng-container>
                  <tr mat-header-row *matHeaderRowDef="columns"></tr>
                  <tr
                    mat-row
                    *matRowDef="let user; columns: columns"
                    [class.row-busy]="busy() === user.id"
                    [attr.data-userid]="user.userid"
                  ></tr>
                </table>
                @if (busyIn(group)) {
                  <mat-progress-bar mode="indeterminate" aria-label="正在处理" />
                }
              </div>
            }
          </section>
        }
      }
    </section>

    <ng-template #menuButton let-user>
      <button
        matIconButton
        type="button"
        [matMenuTriggerFor]="menu"
        [matMenuTriggerData]="{ user: user }"
        [disabled]="busy() !== null"
        [attr.aria-label]="'管理 ' + useridText(user)"
      >
        <mat-icon svgIcon="more_vert" />
      </button>
    </ng-template>

    <mat-menu #menu="matMenu">
      <ng-template matMenuContent let-user="user">
        @if (user.tier === 'user' && user.userid === '') {
          <!-- Everyone who logs in without a userid shares this account: it can never carry privileges. -->
          <button mat-menu-item type="button" disabled>未填写用户ID的登录不能设为管理员</button>
        } @else if (user.tier === 'user') {
          <button mat-menu-item type="button" (click)="setTier(user, 'wecom-admin')">设为企微管理员</button>
        } @else {
          <button mat-menu-item type="button" (click)="setTier(user, 'user')">改为普通用户</button>
          <button mat-menu-item type="button" (click)="resetPassword(user)">重置本地密码</button>
        }
        <button mat-menu-item type="button" class="danger" (click)="remove(user)">移除</button>
      </ng-template>
    </mat-menu>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .group {
      margin-bottom: 24px;
    }
    .with-menu {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin: -4px -8px 0 0;
    }
    .group-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .group-title .muted {
      font: var(--mat-sys-body-medium);
      margin-inline-start: 8px;
    }
    /* Fixed widths, so the tables of the corp groups line up. */
    table {
      table-layout: fixed;
    }
    .mat-column-userid {
      width: 18%;
    }
    .mat-column-username {
      width: 14%;
    }
    .mat-column-tier {
      width: 14%;
    }
    .mat-column-password {
      width: 22%;
    }
    .actions-col {
      width: 56px;
      text-align: end;
    }
    .notice {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
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
      const [users, corps] = await Promise.all([
        this.rpc.call<UserRow[]>('users.list'),
        this.rpc.call<CorpView[]>('corps.list'),
      ]);
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
    if (!confirmed || user.corpId === null) return;
    await this.run(user, async () => {
      const saved = await this.rpc.call<{ initialCode?: string }>('users.save', {
        corpId: user.corpId,
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
      const reset = await this.rpc.call<{ initialCode?: string }>('users.resetPassword', { id: user.id });
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
      await this.rpc.call('users.remove', { id: user.id });
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
