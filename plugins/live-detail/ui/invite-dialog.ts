import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { DIALOG_FORM_IMPORTS } from '../../../sdk/ui/page-imports.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { JobProgressComponent } from '../../../sdk/ui/job-progress.js';
import { asSentence, schemaIssue } from '../../../sdk/ui/schema-validators.js';
import { AppSession } from '../../../sdk/ui/session.js';
import {
  MAX_LINK_CHARS,
  MAX_NOTE_CHARS,
  MAX_TOUSER_PER_MESSAGE,
  buildInviteCard,
  cardLines,
  type DirectoryDepartment,
  type DirectoryMember,
  type InviteJobResult,
  type InviteSendInput,
} from '../shared/invite-api.js';
import { InviteSendSchema, parseUserids } from '../shared/invite-schemas.js';
import { InviteApi } from './invite-api.js';

export interface InviteDialogData {
  live: LiveRecord;
}

/** What the dialog closes with: the invitation sent (its results are in the job's result). */
export interface InviteDialogResult {
  invitationId: string;
  result: InviteJobResult | null;
}

const LINK_KEY = 'wl.live-detail.invite-link';

/** The recipients a send would reach: picked members and pasted ids, once each (case-insensitively). */
export function mergeRecipients(picked: readonly string[], pasted: readonly string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const userid of [...picked, ...pasted]) {
    const key = userid.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(userid);
  }
  return merged;
}

/** 邀请观看 (R10.3): pick members, departments or paste userids; preview the card; send in batches. */
@Component({
  selector: 'wl-invite-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DIALOG_FORM_IMPORTS,
    FormsModule,
    JobProgressComponent,
    MatCheckboxModule,
    MatChipsModule,
    MatIconModule,
    MatTabsModule,
  ],
  templateUrl: './invite-dialog.component.html',
  styleUrl: './invite-dialog.scss',
})
export class InviteDialog {
  protected readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<InviteDialog, InviteDialogResult>>(MatDialogRef);
  private readonly api = inject(InviteApi);
  private readonly session = inject(AppSession);
  protected readonly maxNote = MAX_NOTE_CHARS;
  protected readonly maxLink = MAX_LINK_CHARS;
  /** One key per dialog: a double click or a retried call answers the same invitation. */
  private readonly idempotencyKey = globalThis.crypto.randomUUID();

  protected readonly keyword = signal('');
  protected readonly searching = signal(false);
  protected readonly members = signal<DirectoryMember[]>([]);
  protected readonly membersTotal = signal(0);
  protected readonly departments = signal<DirectoryDepartment[]>([]);
  protected readonly directoryNotice = signal<string | null>(null);
  protected readonly picked = signal<DirectoryMember[]>([]);
  protected readonly pickedDepartments = signal<number[]>([]);
  protected readonly pasteText = signal('');
  protected readonly pasted = computed(() => parseUserids(this.pasteText()));
  /** Pasted ids the directory does not know (after 检查); cleared when the text changes. */
  protected readonly unknown = signal<string[]>([]);
  protected readonly checkedText = signal<string | null>(null);
  protected readonly note = signal('');
  protected readonly link = signal(readLink());
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly jobId = signal<string | null>(null);
  private invitationId: string | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly recipients = computed(() =>
    mergeRecipients(
      this.picked().map((m) => m.userid),
      this.pasted().userids,
    ),
  );
  protected readonly pasteSummary = computed(() => {
    const { userids, duplicates, malformed } = this.pasted();
    return [
      `识别到 ${userids.length} 个 userid`,
      ...(duplicates > 0 ? [`已去掉 ${duplicates} 个重复`] : []),
      ...(malformed.length > 0 ? [`${malformed.length} 项不是 userid`] : []),
    ].join('，');
  });
  protected readonly recipientSummary = computed(() => {
    const departments = this.pickedDepartments().length;
    return `收件人 ${this.recipients().length} 人${departments > 0 ? `，部门 ${departments} 个` : ''}`;
  });
  protected readonly batches = computed(() =>
    Math.max(1, Math.ceil(this.recipients().length / MAX_TOUSER_PER_MESSAGE)),
  );
  protected readonly card = computed(() =>
    buildInviteCard({
      live: this.data.live,
      link: this.link(),
      note: this.note(),
      timeZone: this.session.timeZone(),
    }),
  );
  protected readonly previewLines = computed(() => cardLines(this.card()));

  constructor() {
    void this.search();
  }

  protected typed(keyword: string): void {
    this.keyword.set(keyword);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(), 250);
  }

  protected async search(): Promise<void> {
    this.searching.set(true);
    try {
      const keyword = this.keyword().trim();
      const answer = await this.api.directory(keyword === '' ? {} : { keyword });
      this.members.set(answer.members);
      this.membersTotal.set(answer.total);
      this.departments.set(answer.departments);
      this.directoryNotice.set(answer.notice);
    } catch (error) {
      this.directoryNotice.set(describeAnyError(error));
    } finally {
      this.searching.set(false);
    }
  }

  protected isPicked(member: DirectoryMember): boolean {
    const key = member.userid.toLowerCase();
    return this.picked().some((m) => m.userid.toLowerCase() === key);
  }

  protected toggle(member: DirectoryMember): void {
    const key = member.userid.toLowerCase();
    this.picked.update((list) =>
      this.isPicked(member) ? list.filter((m) => m.userid.toLowerCase() !== key) : [...list, member],
    );
  }

  protected unpick(member: DirectoryMember): void {
    const key = member.userid.toLowerCase();
    this.picked.update((list) => list.filter((m) => m.userid.toLowerCase() !== key));
  }

  protected toggleDepartment(id: number): void {
    this.pickedDepartments.update((ids) => (ids.includes(id) ? ids.filter((d) => d !== id) : [...ids, id]));
  }

  protected departmentName(id: number): string {
    return this.departments().find((d) => d.id === id)?.name ?? `部门 ${id}`;
  }

  protected pasteChanged(text: string): void {
    this.pasteText.set(text);
    this.unknown.set([]);
    this.checkedText.set(null);
  }

  /** Checks the pasted ids against the directory; answers false when some are unknown. */
  protected async check(): Promise<boolean> {
    const { userids } = this.pasted();
    if (userids.length === 0) return true;
    const answer = await this.api.resolve(userids);
    this.unknown.set(answer.unknown);
    this.checkedText.set(this.pasteText());
    return answer.unknown.length === 0;
  }

  protected async checkClicked(): Promise<void> {
    this.error.set(null);
    try {
      await this.check();
    } catch (error) {
      this.error.set(describeAnyError(error));
    }
  }

  /** Drops the unknown and malformed entries from the pasted text. */
  protected removeInvalid(): void {
    const drop = new Set([...this.unknown(), ...this.pasted().malformed].map((u) => u.toLowerCase()));
    const kept = this.pasted().userids.filter((u) => !drop.has(u.toLowerCase()));
    this.pasteText.set(kept.join('\n'));
    this.unknown.set([]);
    this.checkedText.set(this.pasteText());
  }

  /**
   * Client-side checks; null when the invitation may go. Past the two the dialog words itself (nobody
   * to send to, pasted text that is no userid), the input is checked by the channel's own schema, so the
   * dialog says what the host would.
   */
  protected problem(): string | null {
    if (this.recipients().length === 0 && this.pickedDepartments().length === 0)
      return '收件人为空：请按成员、按部门选择，或粘贴 userid 后再发送。';
    if (this.pasted().malformed.length > 0)
      return `粘贴的收件人中有 ${this.pasted().malformed.length} 项不是 userid：${this.pasted().malformed.slice(0, 5).join('、')}。请删除或改正（点「移除无效的」）。`;
    const issue = schemaIssue(InviteSendSchema, this.sendInput());
    return issue === null ? null : asSentence(issue.message);
  }

  /** What `send` sends. */
  private sendInput(): InviteSendInput {
    return {
      livingid: this.data.live.livingid,
      userids: this.recipients(),
      departmentIds: this.pickedDepartments(),
      note: this.note().trim(),
      link: this.link().trim(),
      idempotencyKey: this.idempotencyKey,
    };
  }

  protected async send(): Promise<void> {
    const problem = this.problem();
    this.error.set(problem);
    if (problem !== null) return;
    this.busy.set(true);
    try {
      if (this.checkedText() !== this.pasteText() && !(await this.check())) {
        this.error.set(
          `粘贴的收件人中有 ${this.unknown().length} 个 userid 不在企业通讯录中（可能已离职或拼写有误）。请删除或改正后再发送。`,
        );
        return;
      }
      if (this.unknown().length > 0) {
        this.error.set('请先移除不在企业通讯录中的 userid。');
        return;
      }
      writeLink(this.link().trim());
      const started = await this.api.send(this.sendInput());
      this.invitationId = started.invitationId;
      if (started.jobId === null) this.ref.close({ invitationId: started.invitationId, result: null });
      else this.jobId.set(started.jobId);
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected finished(job: JobSnapshot): void {
    if (this.invitationId === null) return;
    this.ref.close({
      invitationId: this.invitationId,
      result: job.state === 'done' ? (job.result as InviteJobResult) : null,
    });
  }
}

function readLink(): string {
  try {
    return globalThis.localStorage?.getItem(LINK_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeLink(link: string): void {
  try {
    globalThis.localStorage?.setItem(LINK_KEY, link);
  } catch {
    // Private mode: the link is simply not remembered.
  }
}
