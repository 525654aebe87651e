import type { PlatformContext } from '../platform/context.js';
import { runOneJob } from '../platform/jobs/runner.js';
import { acceptInvitation, currentTotp, inviteAccount, offerSecondFactor } from '../modules/accounts/index.js';
import { answerThread, backdateCheck, checkJobHandlers, scheduleCheck, seedNomination, startThread } from '../modules/contacts/index.js';
import { actorOf, DEMO_PASSWORD, type DemoAccount } from './seed-demo.js';

type Hours = { days: number[]; from: string; to: string };
const OFFICE: Hours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
const ALWAYS: Hours = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' };

/** Fictional points of contact of the demo States: a diplomatic and a technical one each. */
const POCS: { state: string; role: 'diplomatic' | 'technical'; name: string; title: string; organisation: string; email: string; phone: string; languages: string[]; timeZone: string; hours: Hours; account?: boolean }[] = [
  { state: 'CHL', role: 'diplomatic', name: 'Sofía Valdés', title: 'Head of International Security Affairs', organisation: 'Ministry of Foreign Affairs (demo)', email: 'poc.dip.chl@poa.demo', phone: '+56 2 2827 0000', languages: ['es', 'en'], timeZone: 'America/Santiago', hours: OFFICE },
  { state: 'CHL', role: 'technical', name: 'Matías Pizarro', title: 'Incident response lead', organisation: 'CSIRT of Government (demo)', email: 'poc.chl@poa.demo', phone: '+56 2 2486 0000', languages: ['es', 'en'], timeZone: 'America/Santiago', hours: ALWAYS, account: true },
  { state: 'FRA', role: 'diplomatic', name: 'Hélène Dupuis', title: 'Deputy Director for Strategic Affairs', organisation: 'Ministry for Europe and Foreign Affairs (demo)', email: 'poc.dip.fra@poa.demo', phone: '+33 1 43 17 00 00', languages: ['fr', 'en'], timeZone: 'Europe/Paris', hours: OFFICE },
  { state: 'FRA', role: 'technical', name: 'Thomas Leroy', title: 'Duty officer', organisation: 'National CERT (demo)', email: 'poc.fra@poa.demo', phone: '+33 1 71 75 00 00', languages: ['fr', 'en'], timeZone: 'Europe/Paris', hours: ALWAYS, account: true },
  { state: 'KEN', role: 'diplomatic', name: 'Achieng Otieno', title: 'Director, Emerging Security Issues', organisation: 'Ministry of Foreign Affairs (demo)', email: 'poc.dip.ken@poa.demo', phone: '+254 20 000 0000', languages: ['en', 'sw'], timeZone: 'Africa/Nairobi', hours: OFFICE },
  { state: 'KEN', role: 'technical', name: 'Brian Mwangi', title: 'National KE-CIRT duty lead', organisation: 'Communications Authority (demo)', email: 'poc.tech.ken@poa.demo', phone: '+254 20 000 0001', languages: ['en', 'sw'], timeZone: 'Africa/Nairobi', hours: ALWAYS },
  { state: 'VNM', role: 'diplomatic', name: 'Tran Van Minh', title: 'Deputy Director-General', organisation: 'Ministry of Foreign Affairs (demo)', email: 'poc.dip.vnm@poa.demo', phone: '+84 24 0000 0000', languages: ['vi', 'en'], timeZone: 'Asia/Ho_Chi_Minh', hours: OFFICE },
  { state: 'JOR', role: 'diplomatic', name: 'Lina Al-Masri', title: 'Director of International Organizations', organisation: 'Ministry of Foreign Affairs (demo)', email: 'poc.dip.jor@poa.demo', phone: '+962 6 000 0000', languages: ['ar', 'en'], timeZone: 'Asia/Amman', hours: OFFICE },
];

/**
 * The crisis line of the demo: POCs for the demo States (two of them with accounts of role `poc`),
 * one completed reachability check with its results, and one open exchange between Chile and France.
 * Returns the POC accounts, for the list of demo accounts.
 */
export async function seedContacts(ctx: PlatformContext, made: readonly DemoAccount[]): Promise<DemoAccount[]> {
  const db = ctx.database.db;
  const rules = { idleMinutes: ctx.config.sessionIdleMinutes, maxDays: ctx.config.sessionMaxDays };
  const focalPoint = (state: string) => made.find((a) => a.role === 'focal_point' && a.state === state)!;
  const accounts: DemoAccount[] = [];
  for (const poc of POCS) {
    const fp = focalPoint(poc.state);
    let accountId: string | null = null;
    if (poc.account) {
      const invitation = await inviteAccount(ctx, { actor: actorOf(fp), email: poc.email, name: poc.name, role: 'poc', state: poc.state, language: poc.languages[0] === 'fr' ? 'fr' : 'es' });
      const token = invitation.link.split('/').pop()!;
      const { secret } = await offerSecondFactor(db, token);
      if (Date.now() % 30_000 > 25_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
      const accepted = await acceptInvitation(db, { token, password: DEMO_PASSWORD, otp: currentTotp(secret, Date.now() - 30_000) }, rules);
      accountId = accepted.accountId;
      accounts.push({ accountId, role: 'poc', name: poc.name, email: poc.email, password: DEMO_PASSWORD, state: poc.state, organisation: null, organisationId: null, totpSecret: secret, recoveryCodes: accepted.recoveryCodes ?? [] });
    }
    await seedNomination(ctx, {
      actor: actorOf(fp),
      accountId,
      nomination: { role: poc.role, name: poc.name, title: poc.title, organisation: poc.organisation, email: poc.email, phone: poc.phone, otherChannels: [], languages: poc.languages, timeZone: poc.timeZone, workingHours: poc.hours },
    });
  }

  // A check of every POC, ten days ago: most answered within the hour, one within the day, one never.
  const secretariat = made.find((a) => a.role === 'secretariat')!;
  const check = await scheduleCheck(ctx, { actor: actorOf(secretariat), scope: { kind: 'all' }, remindAfterHours: 24, escalateAfterHours: 48, expiresAfterHours: 168 });
  const handlers = checkJobHandlers(ctx);
  while (await runOneJob(db, handlers));
  await backdateCheck(ctx, check.id, 10, (state, role) => (state === 'VNM' ? null : state === 'KEN' && role === 'technical' ? 300 : state === 'JOR' ? 2000 : 12 + state.length));

  // An open exchange: Chile's technical POC notifies France of an incident; France has acknowledged.
  const chile = actorOf(accounts.find((a) => a.state === 'CHL')!);
  const thread = await startThread(ctx, {
    actor: chile,
    toState: 'FRA',
    kind: 'incident-notification',
    urgency: 'priority',
    respondWithinHours: 24,
    text: 'Scanning and credential-stuffing against a government portal from address ranges announced in France since 06:00 UTC. Indicators available on request; we ask for your assistance in identifying the hosting provider.',
    secretariatMayRead: false,
    exercise: false,
  });
  await answerThread(ctx, {
    actor: actorOf(accounts.find((a) => a.state === 'FRA')!),
    threadId: thread.id,
    kind: 'acknowledgement',
    urgency: 'priority',
    respondWithinHours: null,
    text: 'Received; our duty officer is looking into it and will come back to you within the day.',
  });
  return accounts;
}
