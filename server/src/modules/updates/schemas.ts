import { z } from 'zod';
import { LanguageSchema } from '../../kernel/languages.js';
import { TOPICS } from './topics.js';

export const SubscribeBody = z
  .object({
    email: z.string().trim().max(254).email('an email address'),
    language: LanguageSchema,
    topics: z.array(z.enum(TOPICS)).min(1, 'choose at least one topic').max(TOPICS.length),
  })
  .strict();

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a link token');
export const ConfirmBody = z.object({ token: Token }).strict();
export const TokenParams = z.object({ token: Token }).strict();
/** What a mail client sends for a one-click unsubscribe (RFC 8058), or nothing (the web page). */
export const OneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() }).strict();

export const Accepted = z.object({ message: z.string() });
