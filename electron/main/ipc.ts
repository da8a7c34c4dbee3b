/**
 * The IPC door: exactly one `ipcMain.handle`. The sender is checked before the dispatcher sees
 * anything; the dispatcher then checks the method, the role and the input, as for every door.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api/ipc-channels';
import { fail } from '../shared/api/envelope';
import type { Dispatcher } from '../core/dispatch';
import type { EventHub } from '../core/event-hub';
import { isTrustedSender } from './security';

export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, events: EventHub, targets: () => WebContents[]) {
  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return fail('forbidden', 'Calls are accepted only from the app’s own page.');
    return dispatcher.dispatch(String(method), input, { role: 'host', door: 'ipc' });
  });
  return events.subscribe((appEvent) => {
    for (const contents of targets()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, appEvent);
  });
}
