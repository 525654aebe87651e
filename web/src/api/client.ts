import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export type { paths };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIE = 'poa_csrf';

let csrfToken: string | null = null;

/** Remembers the CSRF token bound to the caller's session (from /me, sign-in or accepting an invitation). */
export function rememberCsrf(token: string | null | undefined): void {
  if (token) csrfToken = token;
}

function csrfFromCookie(): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

/** Every state-changing request carries the CSRF token; before any is known it asks /me for one. */
const csrf: Middleware = {
  async onRequest({ request }) {
    if (!UNSAFE.has(request.method)) return request;
    let token = csrfToken ?? csrfFromCookie();
    if (!token) {
      const res = await fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (res.ok) token = ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
      rememberCsrf(token);
    }
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** A field the server found wrong: `body.email`, `query.q`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem from the API, or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  /** The problem's short name: `sign-in-failed` for `urn:poa:problem:sign-in-failed`. */
  readonly kind: string;
  readonly errors: FieldError[];
  /** The problem document's other members: what a refusal carries with it (a 412's current version). */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, type: string, detail: string, errors: FieldError[] = [], extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.kind = type.startsWith('urn:poa:problem:') ? type.slice('urn:poa:problem:'.length) : type || 'unknown';
    this.errors = errors;
    this.extensions = extensions;
  }

  /** The server's complaint about one field of the body, if any (`password` for `body.password`). */
  fieldError(field: string): FieldError | undefined {
    return this.errors.find((e) => e.field === `body.${field}` || e.field === field);
  }
}

interface ProblemLike {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

export function toProblem(response: Response | undefined, error: unknown): ApiProblem {
  if (!response) return new ApiProblem(0, 'network', error instanceof Error ? error.message : 'network error');
  const p = (error && typeof error === 'object' ? error : {}) as ProblemLike;
  const fallback = response.status >= 500 ? 'internal' : response.status === 404 ? 'not-found' : `http-${response.status}`;
  const { type, title, detail, errors, ...extensions } = p;
  return new ApiProblem(response.status, type ?? fallback, detail ?? title ?? response.statusText, errors ?? [], extensions);
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the response's data and the response itself (for its ETag), or throws an ApiProblem. */
export async function unwrapResponse<T>(call: Promise<Result<T>>): Promise<{ data: T; response: Response }> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw toProblem(undefined, error);
  }
  if (!result.response.ok) throw toProblem(result.response, result.error);
  return { data: result.data as T, response: result.response };
}

/** Resolves to the response's data, or throws an ApiProblem. Network failures become status 0. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  return (await unwrapResponse(call)).data;
}

export type Me = MeResponse;
type MeResponse = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type Account = NonNullable<MeResponse['account']>;
export type Role = Account['roles'][number];
export type StateItem = paths['/api/v1/states']['get']['responses'][200]['content']['application/json']['items'][number];
export type StateDetail = paths['/api/v1/states/{iso3}']['get']['responses'][200]['content']['application/json'];
export type RegionalGroupId = NonNullable<StateItem['regionalGroup']>;
export type SessionItem = paths['/api/v1/me/sessions']['get']['responses'][200]['content']['application/json']['items'][number];
export type Invitation = paths['/api/v1/invitations/{token}']['get']['responses'][200]['content']['application/json'];
