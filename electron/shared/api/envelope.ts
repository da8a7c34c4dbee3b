/**
 * The result envelope every door answers with. Errors are data with stable codes; the UI maps each
 * code to a translated message, so the English `message` is only for logs and scripts.
 */

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  /** A locked pilot protocol changes only by an amendment with a reason. */
  'protocol_locked',
  'forbidden',
  'unauthorized',
  'unknown_method',
  'payload_too_large',
  'rate_limited',
  'bad_request',
  'cancelled',
  'internal',
  /** Never sent by a door: the browser's transport could not reach the app at all (renderer/src/api/transports.ts). */
  'network',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with an input field, in a form the UI can translate (`validation.<code>`). */
export interface InputIssue {
  path: (string | number)[];
  code: string;
  /** Limits such as `minimum` or `maximum`, used as interpolation values in the message. */
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: InputIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, issues?: InputIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside core handlers; the dispatcher turns it into a failed envelope. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
