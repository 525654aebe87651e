import type { PlatformContext } from '../platform/context.js';
import type { Actor, Role } from '../kernel/actor.js';
import { seedNegotiations } from './seed-negotiations.js';
import { seedReporting } from './seed-reporting.js';
import { seedMeetings } from './seed-meetings.js';
import { seedInitiatives } from './seed-initiatives.js';
import { seedContacts } from './seed-contacts.js';
import { seedCapacity } from './seed-capacity.js';
import { acceptInvitation, currentTotp, inviteAccount, needsSecondFactor, offerSecondFactor } from '../modules/accounts/index.js';
import { seedAccreditation, seedStakeholders } from './seed-stakeholders.js';

export interface DemoAccount {
  accountId: string;
  role: Role;
  name: string;
  email: string;
  password: string;
  state: string | null;
  organisation: string | null;
  organisationId: string | null;
  /** Base32 TOTP secret for roles that sign in with a second factor. */
  totpSecret: string | null;
  recoveryCodes: string[];
}

/** The demo's password for every account: long enough for the rules, easy to type. */
export const DEMO_PASSWORD = 'poa-demo-password';

const PEOPLE: { role: Role; name: string; email: string; state?: string; organisation?: boolean }[] = [
  { role: 'secretariat', name: 'Amina Diallo', email: 'secretariat@poa.demo' },
  { role: 'chair', name: 'Ambassador Lucía Fernández', email: 'chair@poa.demo' },
  { role: 'focal_point', name: 'Camila Rojas', email: 'focal.chl@poa.demo', state: 'CHL' },
  { role: 'delegate', name: 'Diego Morales', email: 'delegate.chl@poa.demo', state: 'CHL' },
  { role: 'focal_point', name: 'Claire Martin', email: 'focal.fra@poa.demo', state: 'FRA' },
  { role: 'delegate', name: 'Julien Bernard', email: 'delegate.fra@poa.demo', state: 'FRA' },
  { role: 'focal_point', name: 'Wanjiru Kamau', email: 'focal.ken@poa.demo', state: 'KEN' },
  { role: 'focal_point', name: 'Nguyen Thi Mai', email: 'focal.vnm@poa.demo', state: 'VNM' },
  { role: 'focal_point', name: 'Omar Haddad', email: 'focal.jor@poa.demo', state: 'JOR' },
  { role: 'stakeholder', name: 'Priya Raman', email: 'stakeholder@poa.demo', organisation: true },
];

/**
 * Fills a fresh database with a living PoA: one account per role for a few States and one
 * accredited organisation, each made through the same use cases people use.
 */
export async function seedDemo(ctx: PlatformContext): Promise<DemoAccount[]> {
  const db = ctx.database.db;
  const organisationName = 'Global Forum on Cyber Expertise (demo)';
  // Accredited through an application and its non-objection period, once the Secretariat and the focal points exist.
  let organisationId: string | null = null;
  const rules = { idleMinutes: ctx.config.sessionIdleMinutes, maxDays: ctx.config.sessionMaxDays };
  const made: DemoAccount[] = [];
  for (const person of PEOPLE) {
    if (person.organisation && !organisationId) organisationId = await seedAccreditation(ctx, made);
    const invitation = await inviteAccount(ctx, {
      actor: null,
      email: person.email,
      name: person.name,
      role: person.role,
      state: person.state,
      organisationId: person.organisation ? organisationId! : undefined,
    });
    const token = invitation.link.split('/').pop()!;
    const needsFactor = needsSecondFactor([person.role]);
    const secret = needsFactor ? (await offerSecondFactor(db, token)).secret : null;
    // The code of the previous step, so that the account's first real sign-in may use the current one.
    // Near the end of a step, wait for the next: a step passing between making the code and checking
    // it would put the code two steps back, outside the one step of drift the server allows.
    if (secret && Date.now() % 30_000 > 25_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
    const otp = secret ? currentTotp(secret, Date.now() - 30_000) : undefined;
    const accepted = await acceptInvitation(db, { token, password: DEMO_PASSWORD, otp }, rules);
    made.push({
      accountId: accepted.accountId,
      role: person.role,
      name: person.name,
      email: person.email,
      password: DEMO_PASSWORD,
      state: person.state ?? null,
      organisation: person.organisation ? organisationName : null,
      organisationId: person.organisation ? organisationId : null,
      totpSecret: secret,
      recoveryCodes: accepted.recoveryCodes ?? [],
    });
  }
  await seedNegotiations(ctx, made);
  await seedReporting(ctx, made);
  await seedMeetings(ctx, made);
  await seedInitiatives(ctx, made);
  made.push(...(await seedContacts(ctx, made)));
  await seedCapacity(ctx, made);
  await seedStakeholders(ctx, made);
  return made;
}

/** The actor a demo account acts as, for seeding through the same use cases people use. */
export function actorOf(account: DemoAccount): Actor {
  return { accountId: account.accountId, sessionId: 'demo-seed', name: account.name, roles: [account.role], state: account.state, organisation: account.organisationId };
}
