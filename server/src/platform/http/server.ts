import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Actor } from '../../kernel/actor.js';
import { keepAnswer, replayOrClaim, type IdempotencyStore } from './idempotency.js';
import { conflict, Problem, problemType, type FieldError } from './problem.js';
import { isUniqueViolation } from '../db/errors.js';
import { validatorCompiler } from './validation.js';
import { setCacheControl } from './cache-control.js';
import { compressAnswer } from './compression.js';
import { answerConditionally, type Datasets } from './conditional.js';
import { publicRead, guard, type RoutePolicy } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. A route without one is refused to everyone. */
    policy?: RoutePolicy;
    /**
     * A creating route a client may retry with an Idempotency-Key: its answer is kept for the retry.
     * Off unless a route says so: an answer that holds a secret (recovery codes, a second factor)
     * must never be stored, nor a body that holds a password fingerprinted.
     */
    idempotent?: boolean;
    /**
     * No CSRF header asked: only for a route that acts on no session and carries its own unguessable
     * token (RFC 8058 one-click unsubscribe, which a mail client POSTs with no cookie nor header).
     */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in account acting, or null for the public. */
    actor: Actor | null;
    /** The CSRF token bound to the caller's session, when signed in. */
    sessionCsrf: string | null;
  }
}

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface RegisteredRoute {
  method: string;
  url: string;
  action: string | null;
}

export interface SessionResolver {
  /** Finds the actor for a session token, or null when the token is unknown or expired. */
  resolve(token: string): Promise<{ actor: Actor; csrf: string } | null>;
}

export const SESSION_COOKIE = 'poa_session';
export const CSRF_COOKIE = 'poa_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that plugins register for themselves (the interactive API docs); they are public reads. */
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

export interface HttpOptions {
  config: Config;
  sessions: SessionResolver;
  /** Where answers to creating requests with an Idempotency-Key are kept; without it the header is ignored. */
  idempotency?: IdempotencyStore;
  /** false for no logs; a stream to capture them (tests); stdout by default. */
  logger?: boolean | NodeJS.WritableStream;
  /** The public datasets among the routes, answered conditionally (ETag, Last-Modified, 304). */
  datasets?: Datasets;
  /**
   * Runs before the answer to a successful write leaves: the process notes that the versions of its
   * cached data may be behind, so that its caller's next read sees the change, not only once the
   * NOTIFY arrives.
   */
  afterWrite?: () => void;
}

/**
 * The HTTP shell every module plugs into: problem+json errors, security headers, sessions,
 * CSRF defence, the authorization guard, OpenAPI. Knows nothing of the PoA.
 */
export async function buildHttpServer(options: HttpOptions): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const { config } = options;
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(typeof options.logger === 'object' ? { stream: options.logger } : {}),
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                `req.headers["${CSRF_HEADER}"]`,
                'res.headers["set-cookie"]',
                '*.password',
                '*.newPassword',
                '*.currentPassword',
                '*.otp',
                '*.recoveryCode',
                '*.token',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.ip,
              }),
            },
          },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any hook runs (a malformed escape in the address, a path
    // parameter past its limit) are problem+json like every other error.
    frameworkErrors: (error, request, reply) => {
      const problem =
        error.code === 'FST_ERR_BAD_URL'
          ? new Problem(400, 'malformed', 'Malformed request', 'The address is not valid: it has a malformed escape or bytes that are not UTF-8.')
          : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? new Problem(414, 'uri-too-long', 'Address too long', 'A part of the address is longer than any valid value.')
            : toProblem(error);
      setSecurityHeaders(request, reply);
      void reply.code(problem.status as never).type('application/problem+json').serializer(JSON.stringify).send(problem.body(request.url) as never);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!route.config?.policy && PUBLIC_PLUGIN_PREFIXES.some((p) => url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), policy: guard(publicRead) };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url, action: route.config?.policy?.action ?? null });
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('idempotencyKey', null);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new Problem(429, 'too-many-requests', 'Too many requests', `Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`, {}, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000)),
      }),
  });

  app.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(request, reply);
    reply.header('x-request-id', request.id);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await options.sessions.resolve(token);
      if (found) {
        request.actor = found.actor;
        request.sessionCsrf = found.csrf;
      }
    }
    if (UNSAFE.has(request.method) && !request.routeOptions.config?.csrfExempt) checkCsrf(request);
  });

  // A route that takes no body takes none: a client that sends fields to it (e.g. `{"state":"FRA"}` to
  // co-sponsor, where the State is always the caller's own) is told, not silently ignored.
  app.addHook('preValidation', async (request) => {
    // Routes in a scope that reads uploaded files (multipart) judge their own body: 415 for anything but a file.
    if (request.routeOptions.schema?.body || typeof (request as { isMultipart?: unknown }).isMultipart === 'function') return;
    const body = request.body as unknown;
    if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) return;
    const field = typeof body === 'object' && !Array.isArray(body) ? `body.${Object.keys(body)[0]}` : 'body';
    throw new Problem(400, 'validation', 'The request is not valid', `${field}: this request takes no body`, { errors: [{ field, message: 'this request takes no body' }] });
  });

  // Deny by default: the route's policy decides, after the input is validated.
  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    const policy = request.routeOptions.config.policy;
    if (!policy) throw new Problem(403, 'forbidden', 'Forbidden', 'This route has no policy and is refused to everyone.');
    if (!policy.allows(request.actor, request)) {
      throw request.actor
        ? new Problem(403, 'forbidden', 'Forbidden', 'You may not do this.')
        : new Problem(401, 'unauthenticated', 'Not signed in', 'Sign in to do this.');
    }
  });

  // Who may keep an answer is decided once, for every route, after the route has answered.
  const datasets = options.datasets;
  app.addHook('onSend', async (request, reply, payload) => {
    const answer = datasets ? await answerConditionally(request, reply, payload, datasets) : payload;
    setCacheControl(request, reply);
    return answer;
  });

  const afterWrite = options.afterWrite;
  if (afterWrite) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (UNSAFE.has(request.method) && reply.statusCode < 400) afterWrite();
      return payload;
    });
  }

  // A retried creating request gets the first answer again, once its caller is known to be allowed.
  const store = options.idempotency;
  if (store) {
    app.addHook('preHandler', async (request, reply) => {
      if (request.is404) return;
      if (await replayOrClaim(store, request, reply)) return reply;
    });
    app.addHook('onSend', async (request, reply, payload) => {
      await keepAnswer(store, request, reply, payload);
      return payload;
    });
  }

  // Last of the onSend hooks: every hook before it (conditional answers, the idempotency store) sees the plain body.
  app.addHook('onSend', compressAnswer);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (isUniqueViolation(error)) request.log.warn({ err: error }, 'unforeseen race on a unique index'); // a use case to make precise
    for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
    return reply
      .code(problem.status)
      .type('application/problem+json')
      .serializer(JSON.stringify)
      .send(problem.body(request.url));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new Problem(404, 'not-found', 'Not found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    return reply.code(404).type('application/problem+json').send(problem.body(request.url));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PoA Platform API',
        version: '1',
        description:
          'The API of the Programme of Action on ICTs in the context of international security. Errors are RFC 9457 problem+json. ' +
          `State-changing requests carry the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie. ` +
          'A signed-in request that creates something (a meeting, draft, amendment, document, invitation, report…) may carry an Idempotency-Key header (8–128 visible ASCII characters, e.g. a UUID): a retry with the same key ' +
          'gets the first successful answer again, marked Idempotent-Replayed: true, for 24 hours; the same key with another request is refused (422), ' +
          'and a retry while the first is still being answered gets 409 with Retry-After.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/openapi.json',
    { config: { policy: guard(publicRead) }, schema: { hide: true } },
    async () => app.swagger(),
  );

  return { app, routes };
}

/**
 * Fastify's trustProxy for the configured proxies. A number of hops is given as a function (Fastify
 * itself now trusts nothing for a bare number): the nearest `hops` addresses, the socket's peer
 * first, are proxies, and the client is the entry just before them in X-Forwarded-For; whatever a
 * client wrote further left is never read. Addresses are the safer choice: with hops, a client that
 * reaches the platform directly, past the proxy, is believed about its address.
 */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (!trust) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address: string, hop: number) => hop < hops;
  }
  return trust.addresses;
}

/** Single-use tokens travel in some paths (invitation and reset links): never write them to a log. */
export const redactUrl = (url: string): string => url.replace(/\/[A-Za-z0-9_-]{32,}(?=[/?]|$)/g, '/[redacted]');

function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(
    'content-security-policy',
    "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; " +
      "img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'",
  );
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF defence for every state-changing request: a request sent by another site is refused outright,
 * and the X-CSRF-Token header must match the token bound to the session (or, before sign-in, the
 * poa_csrf cookie), which another site can neither read nor set.
 */
function checkCsrf(request: FastifyRequest): void {
  const fail = (detail: string) => new Problem(403, 'csrf', 'Cross-site request refused', detail);
  if (request.headers['sec-fetch-site'] === 'cross-site') throw fail('Requests from other sites are not accepted.');
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length < 16) throw fail(`Send the ${CSRF_HEADER} header.`);
  const expected = request.sessionCsrf ?? request.cookies[CSRF_COOKIE];
  if (!expected || !sameToken(sent, expected)) throw fail(`The ${CSRF_HEADER} header does not match.`);
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validationContext?: string;
  validation?: { instancePath?: string; message?: string }[];
}

/** Turns anything thrown into a problem: known client errors keep their status, the rest are 500s. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const e = (error ?? {}) as FastifyLikeError;
  if (hasZodFastifySchemaValidationErrors(error) || e.validation) {
    const where = e.validationContext === 'querystring' ? 'query' : (e.validationContext ?? 'body');
    const errors: FieldError[] = (e.validation ?? []).map((v) => ({
      field: [where, ...(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return new Problem(400, 'validation', 'The request is not valid', errors.map((x) => `${x.field}: ${x.message}`).join('; '), {
      errors,
    });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'payload-too-large', 'Request body too large', 'The request body is larger than allowed.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'malformed', 'Malformed request', e.message ?? 'The body could not be read.');
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send a Content-Type header.');
  }
  if (isUniqueViolation(error)) {
    // A race no use case foresaw: the same thing was written by another request at the same moment.
    return conflict('Someone else made the same change at the same moment; read it again before you retry.', 'conflict');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const slug = e.statusCode === 429 ? 'too-many-requests' : 'bad-request';
    return new Problem(e.statusCode, slug, e.statusCode === 429 ? 'Too many requests' : 'Bad request', e.message);
  }
  return new Problem(500, 'internal', 'Internal error', 'Something went wrong on our side; it has been logged.');
}

export { problemType };
