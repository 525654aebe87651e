/**
 * The one thing component tests replace: `fetch`, the boundary between the web app and the API.
 * A FakeApi answers each request from the routes a test gives it, as the server would (JSON bodies,
 * ETags, RFC 9457 problems), and records what the app sent, so a test can check the request itself.
 * Nothing of the app's own modules is replaced.
 */

/** A request as the app sent it. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body, or undefined. */
  body: any;
  /** A multipart body (an upload), as its form. */
  form?: FormData;
}

type Answer = (request: Sent, params: Record<string, string>) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  answer: Answer;
}

export class FakeApi {
  /** Every request, in order. */
  readonly sent: Sent[] = [];
  /** Requests no route answered (each answered 404): a test should end with none. */
  readonly unanswered: string[] = [];
  private readonly routes: Route[] = [];

  /** Answers `method path` (`:name` segments are parameters); a later route for the same request wins. */
  on(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, answer: Answer | object): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, key: string) => (keys.push(key), '([^/]+)'))}$`,
    );
    this.routes.unshift({ method, pattern, keys, answer: typeof answer === 'function' ? (answer as Answer) : () => json(answer) });
    return this;
  }

  /** The requests sent with this method to this path. */
  sentTo(method: string, path: string): Sent[] {
    return this.sent.filter((s) => s.method === method && s.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
    const form = multipart ? await request.formData() : undefined;
    const text = request.method === 'GET' || request.method === 'HEAD' || multipart ? '' : await request.text();
    const sent: Sent = { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, body: text ? JSON.parse(text) : undefined, ...(form ? { form } : {}) };
    this.sent.push(sent);
    for (const route of this.routes) {
      if (route.method !== sent.method) continue;
      const match = route.pattern.exec(sent.path);
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1]!)]));
      return route.answer(sent, params);
    }
    this.unanswered.push(`${sent.method} ${sent.path}${url.search}`);
    return problem(404, 'not-found', 'Nothing is here.');
  };
}

/** A JSON answer, as the API gives it. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(init.status === 204 ? null : JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}

/** An RFC 9457 problem, as the API gives it: `urn:poa:problem:<kind>`. */
export function problem(status: number, kind: string, detail: string, errors: { field: string; message: string }[] = []): Response {
  return new Response(JSON.stringify({ type: `urn:poa:problem:${kind}`, title: detail, status, detail, ...(errors.length ? { errors } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}
