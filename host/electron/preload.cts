// The renderer's only door to the host (docs/architecture.md "Electron"): `window.wecomLive` with `invoke` and `on`,
// nothing else. Sandboxed preloads are CommonJS and may require only `electron`, so this file imports
// nothing of the project at run time (the type import below is erased).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../../sdk/ui/rpc-transport.js' with { 'resolution-mode': 'import' };

const bridge: PreloadBridge = {
  invoke: (channel, input) => ipcRenderer.invoke('rpc', channel, input),
  on: (listener) => {
    if (typeof listener !== 'function') return () => undefined;
    const forward = (_event: IpcRendererEvent, type: unknown, payload: unknown): void => {
      if (typeof type === 'string') listener(type, payload);
    };
    ipcRenderer.on('event', forward);
    return () => {
      ipcRenderer.removeListener('event', forward);
    };
  },
};

contextBridge.exposeInMainWorld('wecomLive', bridge);
