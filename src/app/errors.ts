/**
 * Refusals of the use cases, free of HTTP: the server maps each kind to a status
 * (src/server/errors.ts), the CLI prints the message. Messages are Chinese with English beside.
 */
export type RefusalKind = 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'invalid' | 'tooLarge' | 'tooMany';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const notFound = (what = '记录') => new Refusal('notFound', `没有找到该${what} (not found)`);
export const forbidden = (why = '您没有权限进行此操作') => new Refusal('forbidden', `${why} (forbidden)`);
export const unauthorized = () => new Refusal('unauthorized', '请先登录 (sign in first)');
export const conflict = (why: string) => new Refusal('conflict', why);
export const invalid = (why: string) => new Refusal('invalid', why);
