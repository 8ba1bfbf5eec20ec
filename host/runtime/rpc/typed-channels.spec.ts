// A channel is declared once (sdk/contracts/channel.ts) and both ends are typed from it: the handler
// registered on the router and the UI's call. The @ts-expect-error lines are the proof: the build
// (tsc over every spec) fails if any of them stops being an error, i.e. if an end that disagrees
// with the declaration would compile.
import { z } from 'zod';
import {
  defineChannel,
  returns,
  type CallChannel,
  type ChannelOutput,
  type HandlerOf,
} from '../../../sdk/contracts/channel.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import {
  corpSessionFor,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

interface Greeting {
  text: string;
  corpId: string;
}

const GREET = defineChannel({
  name: 'probe.greet',
  input: z.object({ name: z.string().min(1, '请填写称呼'), times: z.number().int().optional() }),
  output: returns<Greeting>(),
  minTier: 'user',
  requiresCorp: true,
});

const COUNT = defineChannel({
  name: 'probe.count',
  input: z.object({}),
  output: returns<number>(),
  minTier: 'user',
});

// ---- Type-level checks: each @ts-expect-error must be an error, or the build fails. ----

// A corp channel's handler receives the corp: no `corpOf` helper, no null check.
const greet: HandlerOf<typeof GREET> = ({ name, times }, call) => ({
  text: `${name}×${times ?? 1}`,
  corpId: call.corp.corpId,
});

// @ts-expect-error the answer must be a Greeting, not a string
const wrongAnswer: HandlerOf<typeof GREET> = ({ name }) => name;

// @ts-expect-error the input has no `userid` field
const wrongInput: HandlerOf<typeof GREET> = ({ userid }, call) => ({
  text: String(userid),
  corpId: call.corp.corpId,
});

// A channel without requiresCorp may be called by root-admin, who has no corp.
// @ts-expect-error `call.corp` may be null here
const noCorp: HandlerOf<typeof COUNT> = (_input, call) => call.corp.corpId.length;

// The plugin context's handle is typed the same way.
function registerInPlugin(ctx: PluginContext): void {
  ctx.handle(GREET, greet);
  // @ts-expect-error a handler of another channel's shape
  ctx.handle(COUNT, greet);
  // @ts-expect-error a channel is registered by its declaration, never by a bare name
  ctx.handle('greet', { input: GREET.input, minTier: 'user' }, greet);
}

// The UI end: RpcClient.call has this type.
async function uiCalls(call: CallChannel): Promise<void> {
  const greeting: Greeting = await call(GREET, { name: '张三' });
  // @ts-expect-error a channel is called by its declaration, never by a bare name
  await call('probe.greet', { name: '张三' });
  // @ts-expect-error `name` is required
  await call(GREET, { times: 2 });
  // @ts-expect-error `times` is a number
  await call(GREET, { name: '张三', times: '2' });
  // @ts-expect-error the answer is a Greeting, not a number
  const wrong: number = await call(GREET, { name: '张三' });
  // A channel whose input has no required field may be called without one.
  const count: ChannelOutput<typeof COUNT> = await call(COUNT);
  void [greeting, wrong, count];
}
void [wrongAnswer, wrongInput, noCorp, registerInPlugin, uiCalls];

// ---- Run-time checks: the router enforces what the declaration says. ----

describe('declared channels', () => {
  let dataDir: string;
  let runtime: HostRuntime;

  beforeAll(async () => {
    dataDir = tempDataDir('typed-channels');
    runtime = await startRuntime(dataDir);
    runtime.router.handle(GREET, greet);
    runtime.router.handle(COUNT, () => 3);
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('gives a corp channel’s handler the caller’s corp', async () => {
    const session = await corpSessionFor(runtime, 'user');
    const result = await runtime.router.dispatch(GREET.name, { name: '张三', times: 2 }, session);
    expect(result.ok).toBeTrue();
    if (result.ok) {
      const data = result.data as Greeting;
      expect(data.text).toBe('张三×2');
      expect(data.corpId).toMatch(/\S/);
    }
  });

  it('refuses a corp channel to an account without a corp before the handler runs', async () => {
    const session = await sessionFor(runtime, 'root-admin');
    const result = await runtime.router.dispatch(GREET.name, { name: '张三' }, session);
    expect(result.ok).toBeFalse();
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
  });

  it('checks the input with the declared schema and names the field', async () => {
    const session = await corpSessionFor(runtime, 'user');
    const result = await runtime.router.dispatch(GREET.name, { name: '' }, session);
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.details?.['field']).toBe('name');
      expect(result.error.message).toContain('请填写称呼');
    }
  });

  it('refuses a declared channel below its tier', async () => {
    const result = await runtime.router.dispatch(COUNT.name, {}, null);
    expect(result.ok).toBeFalse();
    if (!result.ok) expect(result.error.code).toBe('UNAUTHENTICATED');
  });
});
