import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { HttpError } from '../errors';

/**
 * Validates a request body, query or parameter with zod; a refusal is a 400 whose message
 * names every offending field, so a script author can fix the request in one go. JSON body
 * schemas are strict objects (z.strictObject): a key the route does not know, such as a
 * misspelt `{"rol": "viewer"}`, is refused by name instead of passing as a request that
 * changes nothing.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
  throw new HttpError(400, 'invalid_input', message || 'invalid input');
}

/** Why the body of a request could not be read, until its route asks for it (jsonBody). */
const unreadBodies = new WeakMap<Request, unknown>();

/**
 * The API's JSON reader, saying a body it could not read (malformed JSON, an unknown charset or
 * encoding) only when the route asks for the body, after the route has checked the token: a
 * request without one is told so (401 `missing_token`) whatever its body, as every route for a
 * board promises. A body past the limit is still refused at once (limitedBody), unread.
 */
export function readJsonLater(reader: RequestHandler): RequestHandler {
  return (req, res, next) =>
    reader(req, res, (err?: unknown) => {
      if (err === undefined || (err as { type?: unknown }).type === 'entity.too.large') {
        return next(err);
      }
      unreadBodies.set(req, err);
      next();
    });
}

/**
 * The parsed JSON body. express.json leaves `req.body` undefined when the request was not
 * JSON: with a body of another type that is a 415, without any body a 400.
 */
export function jsonBody(req: Request): unknown {
  const unread = unreadBodies.get(req);
  if (unread !== undefined) throw unread;
  if (req.body !== undefined) return req.body;
  if (req.get('content-type')) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'send JSON (Content-Type: application/json)',
    );
  }
  throw new HttpError(400, 'invalid_input', 'a JSON body is required');
}

/**
 * The JSON body of a route whose body is optional (a restore's evidence) or empty (a
 * redaction): `{}` when the request has none. One that has a body has it validated like any
 * other, so a key the route does not take (`{"dryRun": true}`) is refused, not ignored while
 * the route acts.
 */
export function optionalJsonBody(req: Request): unknown {
  return sentBody(req) ? jsonBody(req) : {};
}

/**
 * Whether the request carries a body: by its length or its chunks, not by its Content-Type, which
 * many clients send on every request (a DELETE with `Content-Type: application/json` and nothing
 * after it has no body to refuse).
 */
function sentBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return Number(req.headers['content-length'] ?? 0) > 0;
}

const NO_BODY = z.strictObject({});

/**
 * For a route that takes no options (a redaction, an invite's revocation): none, `{}`, or a
 * refusal naming the key, so that `{"dryRun": true}` is not ignored while the route acts.
 */
export function refuseBodyKeys(req: Request): void {
  validate(NO_BODY, optionalJsonBody(req));
}
