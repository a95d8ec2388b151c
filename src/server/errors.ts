/**
 * Errors the API answers with: always JSON `{ error: 中文说明 }` with the right status, never a
 * stack trace. Register and calendar refusals are the user's to fix (400); faults are 500.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CalendarInputError } from '../calendar/calendar.js';
import { RegisterError } from '../register/lifecycle.js';

export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string) {
    super(status, { message });
  }
}

export const notFound = (what = '记录') => new ApiError(404, `没有找到该${what} (not found)`);
export const forbidden = (why = '您没有权限进行此操作') => new ApiError(403, `${why} (forbidden)`);
export const unauthorized = () => new ApiError(401, '请先登录 (sign in first)');

/** The status and Chinese message of any error thrown by a route. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; error: string } {
  if (error instanceof HTTPException) return { status: error.status as ContentfulStatusCode, error: error.message };
  if (error instanceof RegisterError || error instanceof CalendarInputError) return { status: 400, error: error.message };
  return { status: 500, error: '服务器内部错误，请稍后再试；如一再出现请联系管理员 (internal error)' };
}
