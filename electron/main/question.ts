/**
 * A native question for the person at the keyboard: the safe answer is both the default (Enter) and
 * what Escape or closing the dialog chooses, and buttons stay buttons (no Windows command links).
 */
import type { MessageBoxOptions } from 'electron';

export const question = (options: { type: 'question' | 'warning'; message: string; detail: string; buttons: string[]; safe: number }): MessageBoxOptions => ({
  type: options.type,
  buttons: options.buttons,
  defaultId: options.safe,
  cancelId: options.safe,
  noLink: true,
  message: options.message,
  detail: options.detail,
});
