import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface FakeIpc {
  invoked: unknown[][];
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
}

/** Runs the compiled preload with a fake `electron` module: what does it put into the page? */
function loadPreload(): { exposed: Record<string, unknown>; ipc: FakeIpc } {
  const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs'), 'utf8');
  const exposed: Record<string, unknown> = {};
  const ipc: FakeIpc = { invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        ipc.invoked.push(args);
        return Promise.resolve({ ok: true, data: null });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        ipc.listeners.set(channel, [...(ipc.listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        ipc.listeners.set(
          channel,
          (ipc.listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      },
    },
  };
  const module = { exports: {} };
  const fakeRequire = (name: string): unknown => {
    // A sandboxed preload may require only `electron`.
    if (name !== 'electron') throw new Error(`preload required ${name}`);
    return electron;
  };
  new Function('require', 'module', 'exports', source)(fakeRequire, module, module.exports);
  return { exposed, ipc };
}

describe('preload', () => {
  it('exposes window.wecomLive with invoke and on, and nothing else', () => {
    const { exposed } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['wecomLive']);
    expect(Object.keys(exposed['wecomLive'] as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes the one rpc channel with the call', async () => {
    const { exposed, ipc } = loadPreload();
    const bridge = exposed['wecomLive'] as { invoke(channel: string, input: unknown): Promise<unknown> };
    expect(await bridge.invoke('host.status', { a: 1 })).toEqual({ ok: true, data: null });
    expect(ipc.invoked).toEqual([['rpc', 'host.status', { a: 1 }]]);
  });

  it('forwards events without the IPC event object, and unsubscribes', () => {
    const { exposed, ipc } = loadPreload();
    const bridge = exposed['wecomLive'] as {
      on(listener: (type: string, payload: unknown) => void): () => void;
    };
    const seen: unknown[][] = [];
    const stop = bridge.on((type, payload) => seen.push([type, payload]));
    const [listener] = ipc.listeners.get('event') ?? [];
    listener?.({ sender: 'ipc internals' }, 'job.done', { jobId: 'j' });
    listener?.({}, 42, 'not an event type');
    expect(seen).toEqual([['job.done', { jobId: 'j' }]]);
    stop();
    expect(ipc.listeners.get('event')).toEqual([]);
    expect(typeof bridge.on(null as never)).toBe('function');
  });
});
