/**
 * Errors the API answers with: always JSON `{ error: 中文说明 }` with the right status, never a
 * stack trace. The use cases' refusals (src/app/errors.ts) map to their status here; register
 * and calendar refusals are the user's to fix (400); faults are 500.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Refusal, type RefusalKind } from '../app/errors.js';
import { CalendarInputError } from '../calendar/calendar.js';
import { RegisterError } from '../register/lifecycle.js';

export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string) {
    super(status, { message });
  }
}

const STATUS: Record<RefusalKind, ContentfulStatusCode> = {
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalid: 400,
  tooLarge: 413,
  tooMany: 429,
};

/** The status and Chinese message of any error thrown by a route or a use case. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; error: string } {
  if (error instanceof Refusal) return { status: STATUS[error.kind], error: error.message };
  if (error instanceof HTTPException) return { status: error.status as ContentfulStatusCode, error: error.message };
  if (error instanceof RegisterError || error instanceof CalendarInputError) return { status: 400, error: error.message };
  return { status: 500, error: '服务器内部错误，请稍后再试；如一再出现请联系管理员 (internal error)' };
}
