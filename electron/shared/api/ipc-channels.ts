/** The two IPC channels between preload and main. Method names travel inside, never as channels. */
export const IPC_CALL_CHANNEL = 'ibtikar:call';
export const IPC_EVENT_CHANNEL = 'ibtikar:event';
