import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { CORPS_SAVE, type CorpSaveInput } from '../../../../sdk/contracts/corps-channels.js';
import {
  clearProgress,
  FRESH_PROGRESS,
  readProgress,
  STEP,
  writeProgress,
  type WizardCorp,
  type WizardProgress,
} from './wizard-progress.js';
import { AUTH_LOGIN, AUTH_SETUP_ROOT } from '../../../../sdk/contracts/auth-channels.js';
import { USERS_SAVE, type UserSaveInput } from '../../../../sdk/contracts/users-channels.js';

/**
 * The first-run wizard's state and host calls (R2.10), apart from its pages: what is done, where to
 * resume, and the calls of each step. Failed calls reject with the client's RpcError for the page to show.
 */
@Injectable()
export class SetupFlow {
  private readonly rpc = inject(RpcClient);
  private readonly session = inject(AppSession);
  private readonly router = inject(Router);

  readonly progress = signal<WizardProgress>(readProgress());
  /** Shown once after setupRoot; kept in memory only, so a reload cannot show it again. */
  readonly recoveryCode = signal<string | null>(null);
  /** root-admin's password is set but this window has no session (a reload in a new tab, an expiry). */
  readonly needsRootLogin = computed(() => this.progress().rootDone && !this.session.loggedIn());

  /**
   * Squares the saved progress with the host and answers the step to open: a wiped data folder starts
   * over; once the root password is set, the wizard continues at the corp step at the earliest.
   * Answers null when setup was finished elsewhere (the caller leaves the wizard).
   */
  async start(): Promise<number | null> {
    const status = await this.session.refreshStatus();
    const saved = this.progress();
    if (status.firstRun) {
      if (saved.rootDone) this.set({ ...FRESH_PROGRESS, disclaimerAccepted: saved.disclaimerAccepted });
      return Math.min(this.progress().step, STEP.root);
    }
    if (!saved.rootDone) {
      clearProgress();
      return null;
    }
    return Math.max(saved.step, STEP.corp);
  }

  update(patch: Partial<WizardProgress>): void {
    this.set({ ...this.progress(), ...patch });
  }

  /** Sets root-admin's password, signs in as root-admin, then shows the recovery code (memory only). */
  async setupRoot(password: string): Promise<void> {
    const { recoveryCode } = await this.rpc.call(AUTH_SETUP_ROOT, { password });
    const done: WizardProgress = { ...this.progress(), rootDone: true, recoverySaved: false };
    // Stored at once: a reload from here on resumes after the password step.
    writeProgress(done);
    try {
      await this.loginRoot(password);
      // The store learns that the first run is over, so leaving the wizard early opens the app.
      await this.session.refreshStatus();
    } catch {
      // The corp step asks for the password again (needsRootLogin).
    }
    this.recoveryCode.set(recoveryCode);
    this.progress.set(done);
  }

  /** Another window set the password first (setupRoot answered CONFLICT): go on as if this one had. */
  adoptExistingRoot(): void {
    this.update({ rootDone: true, recoverySaved: true });
  }

  async loginRoot(password: string): Promise<LoginResult> {
    const result = await this.rpc.call(AUTH_LOGIN, { kind: 'root', password });
    this.session.signedIn(result);
    return result;
  }

  /** Checks the app with WeCom (gettoken + agent/get) and saves it: corps.save as root-admin. */
  async saveCorp(input: CorpSaveInput): Promise<WizardCorp> {
    const saved = await this.rpc.call(CORPS_SAVE, input);
    const corp: WizardCorp = {
      corpId: saved.corpId,
      corpname: saved.corpname,
      corpid: saved.corpid,
      agentid: saved.agentid,
      appName: saved.appName,
    };
    this.update({ corp, corpSkipped: false });
    return corp;
  }

  /**
   * Adds a WeCom admin of the saved corp (R2.5). The answer carries the one-time initial
   * code they need at the first login; it is shown, never kept in the saved progress.
   */
  async addAdmin(userid: string, username: string): Promise<{ userid: string; initialCode: string | null }> {
    const corp = this.progress().corp;
    if (corp === null) throw new Error('no corp saved yet');
    const input: UserSaveInput = { corpId: corp.corpId, userid, tier: 'wecom-admin' };
    if (username !== '') input.username = username;
    const answer = await this.rpc.call(USERS_SAVE, input);
    const admins = this.progress().admins.filter((id) => id !== answer.userid);
    this.update({ admins: [...admins, answer.userid] });
    return { userid: answer.userid, initialCode: answer.initialCode ?? null };
  }

  skipCorp(): void {
    this.update({ corpSkipped: true });
  }

  /** Done: the shell learns that the first run is over, the progress is forgotten, and the app opens. */
  async finish(): Promise<void> {
    await this.session.refreshStatus();
    clearProgress();
    await this.router.navigateByUrl('/');
  }

  private set(progress: WizardProgress): void {
    this.progress.set(progress);
    writeProgress(progress);
  }
}
