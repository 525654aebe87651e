import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { states } from '../states/tables.js';
import { organisations } from '../stakeholders/tables.js';
import { LANGUAGES } from '../../kernel/languages.js';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    /** Lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull(),
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret, once the second factor is set up. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    /** The State a focal point, delegate or point of contact belongs to. */
    state: text('state').references(() => states.iso3),
    /** The organisation a stakeholder representative acts for. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The language of the emails the account receives, and of the links in them. */
    language: text('language', { enum: LANGUAGES }).notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email_idx').on(t.email), index('accounts_state_idx').on(t.state)],
);

export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.role] })],
);

/** One-time recovery codes for the second factor, kept as SHA-256 digests. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.codeHash] })],
);

/** Server-side sessions; the cookie carries a random token, the table only its digest. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_idx').on(t.tokenHash), index('sessions_account_idx').on(t.accountId)],
);

/** Single-use, expiring tokens sent by email: invitations and password resets. Kept as digests. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind', { enum: ['invitation', 'password_reset'] }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** A TOTP secret offered during the invitation, confirmed by the first code. */
    pendingTotpSecret: text('pending_totp_secret'),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_account_idx').on(t.accountId)],
);

/**
 * Counts of failed sign-ins, per email and address, per address, and per email (see
 * throttle-rules.ts). In the database, so that every process of the platform agrees; keyed by
 * digests, so it holds neither emails nor addresses. A count not added to for a while is forgotten.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    scope: text('scope', { enum: ['pair', 'address', 'account'] }).notNull(),
    /** The email's digest for the counts that concern one email (not for an address's own). */
    emailDigest: text('email_digest'),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, precision: 3 }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('sign_in_throttles_email_idx').on(t.emailDigest), index('sign_in_throttles_last_idx').on(t.lastFailureAt)],
);
