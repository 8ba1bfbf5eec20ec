// A child process for the process-guard spec: a runtime with `guardProcess` on the fixture plugins.
// `plugin`: the unruly plugin lets errors escape; the child prints what it saw once both are attributed.
// `host`: the child's own (host) code lets an error escape; the guard stops the runtime and exits 1.
import type { PluginStatus } from '../../sdk/contracts/events.js';
import { dataOf, sessionFor, startRuntime, waitFor } from './runtime-harness.js';

const [dataDir, scenario] = process.argv.slice(2) as [string, 'plugin' | 'host'];
const runtime = await startRuntime(dataDir, { guardProcess: true });
const session = await sessionFor(runtime, 'user');
if (scenario === 'host') {
  setTimeout(() => {
    throw new Error('主程序自己的错误');
  }, 0);
} else {
  // Each escaped error marks the plugin degraded and announces it (plugins.changed): collect the reasons.
  const seen = new Set<string>();
  runtime.events.on('plugins.changed').subscribe((payload) => {
    const unruly = (payload as { plugins: PluginStatus[] }).plugins.find((plugin) => plugin.id === 'unruly');
    for (const text of ['定时器里没人捕获的错误', '没人处理的 Promise 拒绝']) {
      if (unruly?.degraded?.includes(text) === true) seen.add(text);
    }
  });
  dataOf(await runtime.router.dispatch('unruly.escape', {}, session));
  await waitFor(async () => (seen.size === 2 ? true : undefined));
  const after = dataOf<{ count: number }>(await runtime.router.dispatch('notes.count', {}, null));
  process.stdout.write(
    `${JSON.stringify({ seen: [...seen], answeredAfter: typeof after.count === 'number' })}\n`,
  );
  await runtime.stop();
  process.exit(0);
}
