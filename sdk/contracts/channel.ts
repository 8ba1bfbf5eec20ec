import type { z } from 'zod';
import type { SessionCorp, SessionUser } from './host-status.js';
import type { Tier } from './tiers.js';

/**
 * A channel declared once and shared by both ends (docs/architecture.md "Channels"): the main side
 * registers its handler with `ctx.handle(channel, handler)` (or the host router's `handle`), the UI
 * calls it with `rpc.call(channel, input)`. The input is a zod schema the router checks and the UI's
 * forms validate with; the output is a type only (`returns<T>()`), so nothing is validated twice.
 * A handler or a caller that disagrees with the declaration does not compile.
 */
export interface Channel<
  Name extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output = unknown,
  MinTier extends Tier = Tier,
  RequiresCorp extends boolean = boolean,
> {
  readonly name: Name;
  readonly input: Input;
  readonly minTier: MinTier;
  /** Needs a WeCom login (root-admin is refused: it never makes WeCom business calls). */
  readonly requiresCorp: RequiresCorp;
  /** Type-only marker of the answer; always undefined at run time. */
  readonly output: OutputMarker<Output>;
}

/** Carries a channel's answer type; there is no value behind it. */
export interface OutputMarker<T> {
  readonly __output?: (value: T) => T;
}

/** The answer type of a channel: `output: returns<LiveListPage>()`. */
export function returns<T>(): OutputMarker<T> {
  return {};
}

// Any channel, whatever its types: `never` input in the function position keeps it assignable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest channel: handlers are typed from the concrete one
export type AnyChannel = Channel<string, z.ZodType, any, Tier, boolean>;

export type ChannelInput<C extends AnyChannel> = z.input<C['input']>;
export type ChannelParsedInput<C extends AnyChannel> = z.output<C['input']>;
export type ChannelOutput<C extends AnyChannel> = C['output'] extends OutputMarker<infer O> ? O : never;

/** The input argument of a call: optional when every field of the channel's input is. */
export type InputArgs<C extends AnyChannel> =
  Record<string, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** How a UI calls a declared channel (`RpcClient.call`). */
export type CallChannel = <C extends AnyChannel>(
  channel: C,
  ...input: InputArgs<C>
) => Promise<ChannelOutput<C>>;

/** What the UI's RPC client implements, so the mismatch spec's `CallChannel` is the UI's own type. */
export interface ChannelCaller {
  call: CallChannel;
}

/** Who calls a `public` channel: maybe nobody. */
export interface AnonymousCall {
  /** Internal session id (not the bearer value). */
  sessionId: string | null;
  user: SessionUser | null;
  /** The corp of a WeCom login; null for root-admin and anonymous calls. */
  corp: SessionCorp | null;
}
/** Who calls a channel of tier `user` or higher: always a signed-in account. */
export interface SignedInCall extends AnonymousCall {
  sessionId: string;
  user: SessionUser;
}
/** Who calls a `requiresCorp` channel: an account of a corp, with that corp. */
export interface CorpCall extends SignedInCall {
  corp: SessionCorp;
}

/** The call context a channel's handler receives, narrowed by its guard (no `corpOf` helper needed). */
export type CallOf<C extends AnyChannel> = C['requiresCorp'] extends true
  ? CorpCall
  : C['minTier'] extends 'public'
    ? AnonymousCall
    : SignedInCall;

export type HandlerOf<C extends AnyChannel> = (
  input: ChannelParsedInput<C>,
  call: CallOf<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/**
 * Declares a channel: `defineChannel({ name: 'live-list.query', input: QuerySchema,
 * output: returns<LiveListPage>(), minTier: 'user', requiresCorp: true })`.
 */
export function defineChannel<
  const Name extends string,
  Input extends z.ZodType,
  Output,
  const MinTier extends Tier,
  const RequiresCorp extends boolean = false,
>(declaration: {
  name: Name;
  input: Input;
  output: OutputMarker<Output>;
  minTier: MinTier;
  requiresCorp?: RequiresCorp;
}): Channel<Name, Input, Output, MinTier, RequiresCorp> {
  return {
    name: declaration.name,
    input: declaration.input,
    output: declaration.output,
    minTier: declaration.minTier,
    requiresCorp: (declaration.requiresCorp ?? false) as RequiresCorp,
  };
}

/**
 * The common guard in short: a channel for any signed-in account of a corp (tier `user`, WeCom
 * login needed), so a plugin's declarations read as a table: `corpChannel('live-list.query',
 * QuerySchema, returns<LiveListPage>())`.
 */
export function corpChannel<const Name extends string, Input extends z.ZodType, Output>(
  name: Name,
  input: Input,
  output: OutputMarker<Output>,
): Channel<Name, Input, Output, 'user', true> {
  return defineChannel({ name, input, output, minTier: 'user', requiresCorp: true });
}
