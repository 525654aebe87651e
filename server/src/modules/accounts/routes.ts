import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { ROLES } from '../../kernel/actor.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './credentials.js';
import { acceptInvitation, describeInvitation, inviteAccount, offerSecondFactor } from './invitations.js';
import { describeMe } from './me.js';
import { changePassword } from './change-password.js';
import { chooseMailLanguage } from './choose-mail-language.js';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { accountsPolicy } from './policy.js';
import { listSessions } from './list-sessions.js';
import { resolveSession } from './resolve-session.js';
import type { NewSession } from './sessions.js';
import { signIn, signOut, signOutOtherSessions, signOutSession } from './sign-in.js';
import { randomBytes } from 'node:crypto';
import { NoContent } from '../../platform/http/responses.js';
import { LanguageSchema } from '../../kernel/languages.js';

const Email = z.string().trim().max(254).email();
const Password = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a valid link');
const Role = z.enum(ROLES);

const Me = z.object({
  account: z
    .object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      roles: z.array(Role),
      state: z.string().nullable(),
      organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
      secondFactor: z.boolean(),
      language: LanguageSchema,
    })
    .nullable(),
  csrfToken: z.string(),
  can: z.object({
    invite: z.boolean(),
    correctStateNames: z.boolean(),
    inviteRoles: z.array(Role).describe('The roles the caller may invite people to'),
    inviteStates: z
      .object({
        all: z.boolean().describe('Whether the caller may invite delegates for every State'),
        states: z.array(z.string()).describe('Otherwise, the States (ISO 3166-1 alpha-3) the caller may invite delegates for; empty when all'),
      })
      .describe('The States the caller may invite delegates for'),
  }),
});

export function accountsRoutes(app: App, ctx: PlatformContext): void {
  /** Sign-in and the like: a few tries a minute from one address; sign-in's own throttling (throttle-rules.ts) covers the rest. */
  const strictRate = { rateLimit: { max: ctx.config.signInRatePerMinute, timeWindow: '1 minute' } };
  const { db } = ctx.database;
  const rules = { idleMinutes: ctx.config.sessionIdleMinutes, maxDays: ctx.config.sessionMaxDays };
  const secure = ctx.config.publicUrl.startsWith('https:');

  const setSessionCookies = (reply: FastifyReply, session: NewSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
    reply.setCookie(CSRF_COOKIE, session.csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
  };
  /** The CSRF token for the caller: the session's, or the anonymous cookie's (made if missing). */
  const csrfFor = (request: FastifyRequest, reply: FastifyReply): string => {
    if (request.sessionCsrf) return request.sessionCsrf;
    const existing = request.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
    const fresh = randomBytes(24).toString('base64url');
    reply.setCookie(CSRF_COOKIE, fresh, { path: '/', httpOnly: false, sameSite: 'strict', secure });
    return fresh;
  };
  const meFor = async (request: FastifyRequest, reply: FastifyReply) => ({
    ...(await describeMe(db, request.actor)),
    csrfToken: csrfFor(request, reply),
  });

  app.get(
    '/api/v1/me',
    {
      config: { policy: guard(accountsPolicy.open) },
      schema: { tags: ['accounts'], summary: 'Who am I, with my roles, what I may do, and the CSRF token', response: { 200: Me } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return meFor(request, reply);
    },
  );

  app.post(
    '/api/v1/session',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        body: z.object({
          email: Email,
          password: z.string().min(1).max(PASSWORD_MAX),
          otp: z.string().trim().max(10).optional(),
          recoveryCode: z.string().trim().max(20).optional(),
        }),
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const { session } = await signIn(ctx, { ...request.body, userAgent: request.headers['user-agent'], address: request.ip }, rules);
      setSessionCookies(reply, session);
      const { actor } = (await resolveSession(db, session.token, rules))!;
      return { ...(await describeMe(db, actor)), csrfToken: session.csrf };
    },
  );

  app.delete(
    '/api/v1/session',
    { config: { policy: guard(accountsPolicy.self) }, schema: { tags: ['accounts'], summary: 'Sign out', response: { 204: NoContent } } },
    async (request, reply) => {
      await signOut(db, request.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/invitations',
    {
      config: { policy: guard(accountsPolicy.inviteSomeone), idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Invite a person (the Secretariat anyone; a focal point delegates of its own State)',
        body: z.object({
          email: Email,
          name: z.string().trim().min(1).max(200),
          role: Role,
          state: z.string().regex(/^[A-Za-z]{3}$/).optional(),
          organisationId: z.string().uuid().optional(),
          language: LanguageSchema.optional().describe('The language of the invitation and of the account’s emails; English when not given'),
        }),
        response: { 201: z.object({ id: z.string(), email: z.string(), expiresAt: z.date() }) },
      },
    },
    async (request, reply) => {
      const invitation = await inviteAccount(ctx, { actor: request.actor, ...request.body });
      return reply.code(201).send({ id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt });
    },
  );

  const InvitationParams = z.object({ token: Token });

  app.get(
    '/api/v1/invitations/:token',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: {
        tags: ['accounts'],
        params: InvitationParams,
        response: {
          200: z.object({
            email: z.string(),
            name: z.string(),
            roles: z.array(Role),
            state: z.string().nullable(),
            organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
            secondFactorRequired: z.boolean(),
          }),
        },
      },
    },
    async (request) => describeInvitation(db, request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/second-factor',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: { tags: ['accounts'], params: InvitationParams, response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) } },
    },
    async (request) => offerSecondFactor(db, request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: {
        tags: ['accounts'],
        params: InvitationParams,
        body: z.object({ password: Password, otp: z.string().trim().max(10).optional() }),
        response: { 200: Me.extend({ recoveryCodes: z.array(z.string()).nullable() }) },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(
        db,
        { token: request.params.token, ...request.body, userAgent: request.headers['user-agent'] },
        rules,
      );
      setSessionCookies(reply, accepted.session);
      const { actor } = (await resolveSession(db, accepted.session.token, rules))!;
      return { ...(await describeMe(db, actor)), csrfToken: accepted.session.csrf, recoveryCodes: accepted.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/password-resets',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: { tags: ['accounts'], summary: 'Ask for a password reset link by email', body: z.object({ email: Email }), response: { 202: z.undefined().describe('Accepted: a link is sent if the address belongs to an account (the answer is the same either way)') } },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email);
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/v1/password-resets/:token',
    {
      config: { policy: guard(accountsPolicy.open), ...strictRate },
      schema: { tags: ['accounts'], summary: 'Set a new password from a reset link', params: InvitationParams, body: z.object({ password: Password }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await resetPassword(db, request.params.token, request.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { policy: guard(accountsPolicy.self), ...strictRate },
      schema: { tags: ['accounts'], summary: 'Change my password (signs out my other sessions)', body: z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: Password }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await changePassword(db, request.actor!, request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/v1/me/language',
    {
      config: { policy: guard(accountsPolicy.self) },
      schema: { tags: ['accounts'], summary: 'Choose the language of my emails and of the links in them', body: z.object({ language: LanguageSchema }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await chooseMailLanguage(db, request.actor!, request.body.language);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/recovery-codes',
    {
      config: { policy: guard(accountsPolicy.self), ...strictRate },
      schema: {
        tags: ['accounts'],
        body: z.object({ password: z.string().min(1).max(PASSWORD_MAX) }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(db, request.actor!, request.body.password) }),
  );

  app.get(
    '/api/v1/me/sessions',
    {
      config: { policy: guard(accountsPolicy.self) },
      schema: {
        tags: ['accounts'],
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), createdAt: z.date(), lastSeenAt: z.date(), userAgent: z.string().nullable(), current: z.boolean() })),
          }),
        },
      },
    },
    async (request) => ({ items: await listSessions(db, request.actor!) }),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    { config: { policy: guard(accountsPolicy.self) }, schema: { tags: ['accounts'], summary: 'Sign out one of my sessions', params: z.object({ id: z.string().uuid() }), response: { 204: NoContent } } },
    async (request, reply) => {
      const actor = request.actor!;
      const closed = await signOutSession(db, actor, request.params.id);
      if (!closed) throw notFound('The session');
      if (request.params.id === actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/v1/me/sessions',
    { config: { policy: guard(accountsPolicy.self) }, schema: { tags: ['accounts'], summary: 'Sign out every other session', response: { 204: NoContent } } },
    async (request, reply) => {
      await signOutOtherSessions(db, request.actor!);
      return reply.code(204).send();
    },
  );
}
