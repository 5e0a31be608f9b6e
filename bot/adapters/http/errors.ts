import type { ErrorRequestHandler, Response } from 'express';
import type { ZodError } from 'zod';
import type { Logger } from '../../core/ports';
import { requestIdOf, routeOf } from './request-log';

/** Error codes the HTTP API answers with, and their status: one table (STYLE.md §5). */
export const STATUS_OF_CODE = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conversation_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  login_locked: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ApiErrorCode = keyof typeof STATUS_OF_CODE;

/** An error with a code from the table; thrown by handlers, answered by `errorHandler`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: Response, code: ApiErrorCode, message: string): void {
  res.status(STATUS_OF_CODE[code]).json({ error: { code, message } });
}

/** Turns zod issues into one readable line naming each field. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}

type BodyParserError = Error & { type?: string; status?: number };

/**
 * The one error handler of the app: body-parser failures (malformed JSON, too large) and
 * ApiErrors become their status; anything else is logged and answered with a plain 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof ApiError) return sendError(res, error.code, error.message);
    const e = error as BodyParserError;
    if (e?.type === 'entity.parse.failed') return sendError(res, 'invalid_json', 'request body is not valid JSON');
    if (e?.type === 'entity.too.large') return sendError(res, 'payload_too_large', 'request body is too large');
    if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return sendError(res, 'unsupported_media_type', 'use UTF-8 JSON');
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, 'invalid_request', e.message);
    // the route pattern, not the path: a path may hold a conversation id (issue 13)
    logger.log('error', 'http_unhandled', { requestId: requestIdOf(res), method: req.method, route: routeOf(req), error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    sendError(res, 'internal', 'internal error');
  };
}
