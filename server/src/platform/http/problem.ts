/**
 * RFC 9457 problem details. Every error the API returns is one of these, with a stable `type`.
 */
export interface FieldError {
  /** Where the bad value is: `body.email`, `query.group`, `params.iso3`. */
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const problemType = (slug: string): string => `urn:poa:problem:${slug}`;

export class Problem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly extras: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail?: string,
    extras: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.extras = extras;
    this.headers = headers;
  }

  body(instance?: string): ProblemBody {
    return {
      type: problemType(this.slug),
      title: this.title,
      status: this.status,
      ...(this.message !== this.title ? { detail: this.message } : {}),
      ...(instance ? { instance } : {}),
      ...this.extras,
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem(400, 'validation', 'The request is not valid', detail, errors ? { errors } : {});
export const unauthenticated = (detail = 'Sign in to do this.') =>
  new Problem(401, 'unauthenticated', 'Not signed in', detail);
export const forbidden = (detail = 'You may not do this.') => new Problem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what: string) => new Problem(404, 'not-found', 'Not found', `${what} was not found.`);
export const conflict = (detail: string, slug = 'conflict') => new Problem(409, slug, 'Conflict', detail);
export const preconditionFailed = (detail: string, extras: Record<string, unknown> = {}) =>
  new Problem(412, 'precondition-failed', 'The resource has changed', detail, extras);
export const preconditionRequired = () =>
  new Problem(428, 'precondition-required', 'If-Match required', 'Send the ETag you last read in If-Match.');
export const gone = (detail: string) => new Problem(410, 'gone', 'Gone', detail);
