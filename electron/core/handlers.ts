import type { Contract, MethodName, MethodOutput, ParsedInput } from '../shared/api/contract';
import type { Access } from '../shared/api/contract';

/** Who is calling, and through which door. */
export interface Caller {
  role: Access;
  door: 'ipc' | 'http' | 'inprocess';
  /** For workshop participants: the workshop the LAN door serves, and who they are once joined. */
  workshop?: { id: string; participantId?: string };
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  caller: Caller,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type DesktopMethod = { [K in MethodName]: Contract[K] extends { needs: 'desktop' } ? K : never }[MethodName];
/** Methods the dispatcher answers itself. */
export type DispatcherMethod = 'app.methods';
export type CoreMethod = Exclude<MethodName, DesktopMethod | DispatcherMethod>;

export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };
