import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { accountRoles, accounts } from './tables.js';
import type { Language } from '../../kernel/languages.js';
import type { Actor, Role } from '../../kernel/actor.js';

export interface Contact {
  email: string;
  name: string;
  state: string;
  /** The language the person reads the platform's emails in. */
  language: Language;
}

/** The active focal points, to tell every State of what concerns them all (silence procedures, reminders). */
export async function focalPointContacts(db: Executor, states?: readonly string[]): Promise<Contact[]> {
  const rows = await db
    .select({ email: accounts.email, name: accounts.name, state: accounts.state, language: accounts.language })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(and(eq(accountRoles.role, 'focal_point'), eq(accounts.status, 'active'), states ? inArray(accounts.state, [...states]) : undefined));
  return rows.filter((r): r is Contact => r.state !== null);
}

/** The language each address reads the platform's emails in, for the addresses that have an account. */
export async function mailLanguages(db: Executor, emails: readonly string[]): Promise<Map<string, Language>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ email: accounts.email, language: accounts.language })
    .from(accounts)
    .where(inArray(accounts.email, emails.map((e) => e.trim().toLowerCase())));
  return new Map(rows.map((r) => [r.email, r.language]));
}

/** The names of accounts, for records that show who did what (edits of a report, say). */
export async function accountNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The active accounts of an organisation's representatives, or of the Secretariat: whom to tell of what concerns them. */
export async function contactsOf(db: Executor, who: { organisationId: string } | { secretariat: true }): Promise<Omit<Contact, 'state'>[]> {
  const [role, extra] = 'organisationId' in who ? (['stakeholder', eq(accounts.organisationId, who.organisationId)] as const) : (['secretariat', undefined] as const);
  return db
    .select({ email: accounts.email, name: accounts.name, language: accounts.language })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(and(eq(accountRoles.role, role), eq(accounts.status, 'active'), extra));
}

/** An active account as the actor it is when signed in, with where and in what language it reads its mail. */
export interface AccountAsActor {
  actor: Actor;
  email: string;
  language: Language;
}

/**
 * The active accounts among `ids`, each as the actor it would be signed in (without a session): so
 * a module can ask, on a person's behalf and out of any request, what that person may see now.
 */
export async function activeAccountsAsActors(db: Executor, ids: readonly string[]): Promise<AccountAsActor[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, email: accounts.email, language: accounts.language, state: accounts.state, organisationId: accounts.organisationId })
    .from(accounts)
    .where(and(inArray(accounts.id, [...new Set(ids)]), eq(accounts.status, 'active')));
  const roles = await db.select().from(accountRoles).where(inArray(accountRoles.accountId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    actor: { accountId: r.id, sessionId: '', name: r.name, roles: roles.filter((x) => x.accountId === r.id).map((x) => x.role as Role), state: r.state, organisation: r.organisationId },
    email: r.email,
    language: r.language,
  }));
}
