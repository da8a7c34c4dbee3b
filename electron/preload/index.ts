/**
 * The only bridge between the page and the app: `call`, `onEvent` and `platform`. No raw
 * ipcRenderer and no IPC event object ever reach the page. Runs sandboxed, bundled as CommonJS.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api/ipc-channels';
import type { AppEvent } from '../shared/api/events';

contextBridge.exposeInMainWorld('ibtikar', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, String(method), input),
  onEvent: (listener: (event: AppEvent) => void) => {
    const forward = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
  platform: process.platform,
});
