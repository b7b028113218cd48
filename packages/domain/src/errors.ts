// Domain errors are values with a stable code and a Chinese message.
// The server maps `kind` to an HTTP status in one place.
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** Well-formed but refused by a rule about its content (e.g. evidence a step needs) → 422. */
  | 'unprocessable'
  | 'too_large'
  | 'too_many';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const forbidden = (message = '没有权限执行此操作', code = 'forbidden') =>
  new DomainError('forbidden', code, message);
export const notFound = (what = '资源', code = 'not_found') =>
  new DomainError('not_found', code, `${what}不存在或不在您的管辖范围内`);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
/** A well-formed request that cannot be done as asked (422), e.g. an Idempotency-Key reused with another body. */
export const unprocessable = (code: string, message: string, details?: unknown) => new DomainError('unprocessable', code, message, details);
