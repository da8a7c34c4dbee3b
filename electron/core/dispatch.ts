/**
 * The one dispatcher behind every door: is the method known here, may this caller use it, is the
 * input valid? Only then does the handler run. Whatever happens, the answer is an envelope.
 */
import { contract, isMethodName, METHOD_NAMES, type MethodName } from '../shared/api/contract';
import { ApiFailure, fail, ok, type Result } from '../shared/api/envelope';
import { toInputIssues } from '../shared/api/issues';
import type { Caller, Handler } from './handlers';
import { loneSurrogatePath } from './json';
import { errorData, type Logger } from './logger';

export type AnyHandlers = Partial<{ [M in MethodName]: Handler<M> }>;

export interface Dispatcher {
  dispatch(method: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
  /** The methods this door offers, in contract order. */
  methods: MethodName[];
}

const isSqliteConstraint = (error: unknown) =>
  error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');

export function createDispatcher(coreAndDoorHandlers: AnyHandlers, logger: Logger): Dispatcher {
  const handlers: AnyHandlers = { ...coreAndDoorHandlers, 'app.methods': (_input, caller) => visibleTo(caller) };
  const methods = METHOD_NAMES.filter((m) => handlers[m] !== undefined);
  const visibleTo = (caller: Caller) => methods.filter((m) => caller.role === 'host' || contract[m].access === 'participant');

  async function dispatch(method: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    const handler = isMethodName(method) ? (handlers[method] as Handler<MethodName> | undefined) : undefined;
    if (!isMethodName(method) || !handler) return fail('unknown_method', `There is no method ${JSON.stringify(method)}.`);
    const spec = contract[method];
    if (spec.access === 'host' && caller.role !== 'host') {
      return fail('forbidden', `${method} is not available to workshop participants.`);
    }
    const broken = loneSurrogatePath(input);
    if (broken) return fail('invalid_input', `The input for ${method} has a broken character (half of a UTF-16 pair).`, [{ path: broken, code: 'broken_characters' }]);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `The input for ${method} is not valid.`, toInputIssues(parsed.error, input));
    }
    try {
      return ok(await handler(parsed.data as never, caller));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues);
      if (isSqliteConstraint(error)) {
        logger.warn(`${method} broke a database constraint`, errorData(error));
        return fail('conflict', 'The change conflicts with data already stored.');
      }
      logger.error(`${method} failed`, errorData(error));
      return fail('internal', 'Something went wrong. The details are in the log.');
    }
  }

  return { dispatch, methods };
}
