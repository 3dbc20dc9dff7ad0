/** A small fetch wrapper for REST tests: JSON in and out, the bearer token as an option. */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  readonly token?: string;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, with `contentType`. */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Aborting it disconnects the request, as a closed browser tab does. */
  readonly signal?: AbortSignal;
}

// Tests read response bodies loosely and assert their shape with expect().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function request<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    if (options.contentType) headers['content-type'] = options.contentType;
    body = options.raw;
  }
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: body as BodyInit | undefined,
    signal: options.signal,
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.includes('application/json');
  return {
    status: res.status,
    headers: res.headers,
    body: (isJson ? JSON.parse(text) : text) as T,
  };
}

/** Asserts the shape of every REST error: `{error: {code, message}}`. */
export function errorCode(res: ApiResponse): string | undefined {
  const error = (res.body as { error?: { code?: unknown; message?: unknown } })?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !error.message) {
    return undefined;
  }
  return error.code;
}

/** A request its client can walk away from: `leave()` disconnects it, as a closed tab does. */
export interface Abandonable {
  /** The response, or the abort error once it has left. */
  readonly outcome: Promise<ApiResponse | unknown>;
  leave(): void;
}

export function abandonable(
  baseUrl: string,
  method: string,
  path: string,
  options: Omit<RequestOptions, 'signal'> = {},
): Abandonable {
  const controller = new AbortController();
  const outcome = request(baseUrl, method, path, { ...options, signal: controller.signal }).catch(
    (err: unknown) => err,
  );
  return { outcome, leave: () => controller.abort() };
}
