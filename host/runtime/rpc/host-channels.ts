import { inject, injectable } from 'tsyringe';
import { tierAtLeast } from '../../../sdk/contracts/tiers.js';
import type { HostSettings } from '../core/runtime-options.js';
import { HOST_SETTINGS } from '../core/tokens.js';
import { z } from 'zod';
import type { HostStatus } from '../../../sdk/contracts/host-status.js';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../../sdk/contracts/password-rules.js';
import { appVersion } from '../core/app-info.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuthService } from '../accounts/auth-service.js';
import { FileStore } from '../jobs/file-store.js';
import { IpcRouter } from './ipc-router.js';
import { JobService } from '../jobs/job-service.js';
import { PluginLoader } from '../plugin-host/plugin-loader.js';
import { PluginRegistry } from '../plugin-host/plugin-registry.js';

/** A local password (root-admin, WeCom admins): ≥ 12 characters, not a common one; the rule is in the message. */
export const NewPasswordSchema = z
  .string({ error: '请输入密码' })
  .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 位`)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Where browser mode serves download tickets. */
export const DOWNLOAD_PATH = '/download/';

/** The host's own channels of the runtime core (docs/architecture.md "RPC and errors"). */
@injectable()
export class HostChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly auth: AuthService,
    private readonly registry: PluginRegistry,
    private readonly loader: PluginLoader,
    private readonly jobs: JobService,
    private readonly files: FileStore,
    private readonly audit: AuditLog,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
  ) {}

  register(): void {
    this.router.handle(
      'host.status',
      { input: z.object({}), minTier: 'public' },
      async (): Promise<HostStatus> => ({
        version: appVersion(),
        firstRun: await this.auth.isFirstRun(),
        plugins: this.registry.statuses(),
        timeZone: this.settings.timeZone,
      }),
    );
    this.router.handle('host.about', { input: z.object({}), minTier: 'user' }, (_input, call) => {
      const about = { version: appVersion(), node: process.versions.node, licence: 'Apache-2.0' };
      // Where things are on disk is for the admins who look after the installation.
      if (call.user === null || !tierAtLeast(call.user.tier, 'wecom-admin')) return about;
      return {
        ...about,
        dataDir: this.settings.dataDir,
        databaseFile: this.settings.databaseFile,
        logDir: this.settings.logDir,
        timeZone: this.settings.timeZone,
      };
    });
    this.router.handle(
      'auth.setupRoot',
      { input: z.object({ password: NewPasswordSchema }), minTier: 'public' },
      ({ password: value }) => this.auth.setupRoot(value),
    );
    this.router.handle(
      'auth.recoverRoot',
      {
        input: z.object({ recoveryCode: z.string().min(1, '请输入恢复码'), newPassword: NewPasswordSchema }),
        minTier: 'public',
      },
      (input) => this.auth.recoverRoot(input.recoveryCode, input.newPassword),
    );
    this.router.handle('auth.logout', { input: z.object({}), minTier: 'user' }, async (_input, call) => {
      await this.auth.logout(call);
      return {};
    });
    this.router.handle('plugins.list', { input: z.object({}), minTier: 'user' }, () =>
      this.registry.list().map((record) => ({
        ...(record.manifest ?? {}),
        id: record.id,
        state: record.state,
        reason: record.reason,
        degraded: record.degraded,
      })),
    );
    this.router.handle(
      'plugins.setEnabled',
      { input: z.object({ id: z.string().min(1), enabled: z.boolean() }), minTier: 'root-admin' },
      async ({ id, enabled }, call) => {
        const actor = call.user;
        try {
          await this.loader.setEnabled(id, enabled, actor?.userid ?? '');
          await this.audit.record({
            actor,
            action: 'plugins.setEnabled',
            target: id,
            ok: true,
            detail: { enabled },
          });
        } catch (error) {
          await this.audit.record({
            actor,
            action: 'plugins.setEnabled',
            target: id,
            ok: false,
            detail: { enabled },
          });
          throw error;
        }
        return { plugins: this.registry.statuses() };
      },
    );
    const jobId = z.object({ jobId: z.string().min(1) });
    this.router.handle('jobs.get', { input: jobId, minTier: 'user' }, (input, call) =>
      this.jobs.get(input.jobId, call),
    );
    this.router.handle('jobs.cancel', { input: jobId, minTier: 'user' }, (input, call) =>
      this.jobs.cancel(input.jobId, call),
    );
    this.router.handle(
      'files.downloadTicket',
      { input: z.object({ fileId: z.string().min(1) }), minTier: 'user' },
      async (input, call) => {
        const { ticket, expiresAt } = await this.files.createDownloadTicket(input.fileId, call);
        return { url: `${DOWNLOAD_PATH}${ticket}`, expiresAt };
      },
    );
  }
}
