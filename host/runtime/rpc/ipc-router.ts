import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { AnyChannel, HandlerOf } from '../../../sdk/contracts/channel.js';
import { AppError, isAppError, type RpcErrorBody } from '../../../sdk/contracts/errors.js';
import { fail, ok, type RpcResult } from '../../../sdk/contracts/rpc.js';
import { TIER_LABELS, tierAtLeast } from '../../../sdk/contracts/tiers.js';
import type { CallContext, ChannelHandler, ChannelOptions } from '../../../sdk/main/plugin-context.js';
import { PluginRegistry } from '../plugin-host/plugin-registry.js';
import { SessionService } from '../accounts/session-service.js';
import { LOGGER } from '../core/tokens.js';

// zod's own Chinese messages for every validation issue.
z.config(z.locales.zhCN());

export interface ChannelRegistration {
  channel: string;
  options: ChannelOptions<z.ZodType>;
  handler: ChannelHandler<unknown, unknown>;
  /** Null for host channels. */
  pluginId: string | null;
}

/** A registration from a declared channel and its handler; the router narrows the call context the declaration promises. */
export function channelRegistration(
  channel: AnyChannel,
  handler: HandlerOf<AnyChannel>,
): Omit<ChannelRegistration, 'pluginId'> {
  return {
    channel: channel.name,
    options: { input: channel.input, minTier: channel.minTier, requiresCorp: channel.requiresCorp },
    handler: handler as ChannelHandler<unknown, unknown>,
  };
}

const ANONYMOUS: CallContext = { sessionId: null, user: null, corp: null };

/** Names the first invalid field of an input, in the envelope's `details.field` form (`a.b.0`). */
function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '(输入)' : issue.path.map(String).join('.');
  const message = issue?.message ?? '输入无效';
  return new AppError('INVALID_INPUT', `输入无效：${field}：${message}`, { field });
}

/**
 * Channel → handler. Every call is checked here, in order: the channel exists (else PLUGIN_DISABLED
 * or NOT_FOUND), the session, the tier, the corp, the input; the answer is always the envelope (docs/architecture.md "RPC and errors").
 */
@injectable()
export class IpcRouter {
  private readonly channels = new Map<string, ChannelRegistration>();
  private readonly completers = new Map<string, (body: RpcErrorBody) => Promise<RpcErrorBody>>();

  constructor(
    private readonly sessions: SessionService,
    private readonly plugins: PluginRegistry,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Registers a channel; the returned function removes it. */
  register(registration: ChannelRegistration): () => void {
    if (this.channels.has(registration.channel)) {
      throw new Error(`channel already registered: ${registration.channel}`);
    }
    this.channels.set(registration.channel, registration);
    return () => {
      if (this.channels.get(registration.channel) === registration)
        this.channels.delete(registration.channel);
    };
  }

  /** Registers a host channel declared in sdk/contracts, typed from its declaration. */
  handle<C extends AnyChannel>(channel: C, handler: HandlerOf<C>): () => void {
    return this.register({
      ...channelRegistration(channel, handler as HandlerOf<AnyChannel>),
      pluginId: null,
    });
  }

  /** Completes every error of a code before it is answered (e.g. the trusted-IP list of a 60020). */
  completeErrors(code: RpcErrorBody['code'], complete: (body: RpcErrorBody) => Promise<RpcErrorBody>): void {
    this.completers.set(code, complete);
  }

  has(channel: string): boolean {
    return this.channels.has(channel);
  }

  async dispatch(channel: string, rawInput: unknown, sessionToken: string | null): Promise<RpcResult> {
    try {
      return ok(await this.call(channel, rawInput, sessionToken));
    } catch (error) {
      if (isAppError(error)) {
        const body = error.toBody();
        const complete = this.completers.get(body.code);
        return fail(complete === undefined ? body : await complete(body));
      }
      const errorId = randomUUID().slice(0, 8);
      this.log.error({ err: error, channel, errorId }, 'handler failed');
      return fail({
        code: 'INTERNAL',
        message: `内部错误（编号 ${errorId}），请稍后重试或联系管理员查看日志。`,
      });
    }
  }

  private async call(channel: string, rawInput: unknown, sessionToken: string | null): Promise<unknown> {
    const registration = this.channels.get(channel);
    if (registration === undefined) throw this.missing(channel);
    const { options } = registration;
    let call = ANONYMOUS;
    if (options.minTier !== 'public' || sessionToken !== null) {
      if (sessionToken === null) {
        throw new AppError('UNAUTHENTICATED', '请先登录。');
      }
      try {
        call = await this.sessions.resolve(sessionToken);
      } catch (error) {
        // A public channel still answers a caller whose session expired, as anonymous.
        if (options.minTier === 'public') call = ANONYMOUS;
        else throw error;
      }
    }
    if (options.minTier !== 'public') {
      const user = call.user;
      if (user === null || !tierAtLeast(user.tier, options.minTier)) {
        throw new AppError('FORBIDDEN', `此操作需要${TIER_LABELS[options.minTier]}权限。`, {
          requiredTier: options.minTier,
        });
      }
      if (options.requiresCorp === true && call.corp === null) {
        throw new AppError(
          'FORBIDDEN',
          user.tier === 'root-admin'
            ? '超级管理员不调用企业微信业务接口，请使用企业微信账号登录后再操作。'
            : '此操作需要先登录企业。',
          { requiresCorp: true },
        );
      }
    }
    const parsed = options.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);
    return registration.handler(parsed.data, call);
  }

  private missing(channel: string): AppError {
    const pluginId = channel.split('.')[0] ?? '';
    const plugin = this.plugins.get(pluginId);
    if (plugin !== undefined && plugin.state !== 'enabled') {
      const title = plugin.manifest?.title ?? plugin.id;
      return plugin.state === 'disabled'
        ? new AppError('PLUGIN_DISABLED', `插件「${title}」已被管理员停用。`, { pluginId })
        : new AppError('PLUGIN_DISABLED', `插件「${title}」加载失败，暂不可用。`, {
            pluginId,
            reason: plugin.reason,
          });
    }
    return new AppError('NOT_FOUND', `接口不存在：${channel}`, { channel });
  }
}
