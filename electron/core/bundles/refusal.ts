/**
 * A refused bundle: an `invalid_input` failure whose issue code (`bundle_<reason>`) the UI turns into
 * a translated message (`validation.bundle_<reason>`) and the command line prints as one line.
 */
import { ApiFailure } from '../../shared/api/envelope';
import type { BundleRefusal } from '../../shared/domain/bundles';

export class BundleRefused extends ApiFailure {
  constructor(
    readonly reason: BundleRefusal,
    message: string,
    params?: Record<string, string | number>,
  ) {
    super('invalid_input', message, [{ path: ['bundle'], code: `bundle_${reason}`, ...(params ? { params } : {}) }]);
    this.name = 'BundleRefused';
  }
}

export const refuse = (reason: BundleRefusal, message: string, params?: Record<string, string | number>): never => {
  throw new BundleRefused(reason, message, params);
};
