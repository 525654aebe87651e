import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { LANGUAGES, LanguageSchema } from '../../kernel/languages.js';
import { confirmSubscription } from './confirm-subscription.js';
import { updatesPolicy } from './policy.js';
import { Accepted, ConfirmBody, OneClickBody, SubscribeBody, TokenParams } from './schemas.js';
import { subscribeToUpdates } from './subscribe.js';
import { TOPICS } from './topics.js';
import { languageOfLink, unsubscribe } from './unsubscribe.js';

/** The one answer to a sign-up, whatever the address: nobody learns from it who is subscribed. */
export const SIGN_UP_ANSWER = 'If the address can receive mail, a confirmation link is on its way. Nothing is sent until it is used.';

export function updatesRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['updates'];
  const useLink = { policy: guard(updatesPolicy.useLink) };

  app.post(
    '/api/v1/updates/subscriptions',
    {
      config: { policy: guard(updatesPolicy.subscribe), rateLimit: { max: ctx.config.signInRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Ask for email updates (double opt-in): the same answer whether or not the address is already subscribed',
        body: SubscribeBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await subscribeToUpdates(ctx, request.body);
      return reply.code(202).send({ message: SIGN_UP_ANSWER });
    },
  );

  app.post(
    '/api/v1/updates/confirmations',
    {
      config: useLink,
      schema: {
        tags,
        summary: 'Use a confirmation link (once, before it expires; 410 otherwise)',
        body: ConfirmBody,
        response: { 200: z.object({ language: LanguageSchema, topics: z.array(z.enum(TOPICS)) }) },
      },
    },
    async (request) => confirmSubscription(db, request.body.token),
  );

  // A person who opens the one-click address in a browser is sent to the page that asks (a GET never unsubscribes).
  app.get(
    '/api/v1/updates/unsubscribe/:token',
    { config: useLink, schema: { tags, summary: 'Opens the unsubscribe page of a link (a GET changes nothing)', params: TokenParams } },
    async (request, reply) => {
      const lang = (await languageOfLink(db, request.params.token)) ?? 'en';
      return reply.redirect(`/${LANGUAGES.includes(lang as never) ? lang : 'en'}/updates/unsubscribe/${request.params.token}`, 303);
    },
  );

  // One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` as a form, with no
  // cookie nor CSRF header; the link's token is the only authority, and the act only ever removes.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/updates/unsubscribe/:token',
      {
        config: { ...useLink, csrfExempt: true },
        schema: {
          tags,
          summary: 'Unsubscribe in one click (RFC 8058): the same answer for a link already used',
          params: TokenParams,
          body: OneClickBody.optional(),
          response: { 200: Accepted },
        },
      },
      async (request) => {
        await unsubscribe(db, request.params.token);
        return { message: 'You will receive no more email updates.' };
      },
    );
  });
}
