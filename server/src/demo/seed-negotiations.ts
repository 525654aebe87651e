import { DateTime } from 'luxon';
import type { PlatformContext } from '../platform/context.js';
import { runOneJob } from '../platform/jobs/runner.js';
import { jobHandlers } from '../jobs.js';
import { breakSilence, cosponsorAmendment, createDraft, draftWithRecord, issueRevision, openSilenceProcedure, proposeAmendment } from '../modules/decisions/index.js';
import { workingGroups } from '../modules/groups/index.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => actorOf(accounts.find((a) => a.email === email)!);

/**
 * Negotiations in the demo: a recommendation already adopted by silence procedure (after one State
 * broke silence on an earlier revision), and a decision under negotiation with amendments, open
 * under a silence procedure whose deadline a newcomer can watch pass.
 */
export async function seedNegotiations(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const chair = pick(accounts, 'chair@poa.demo');
  const chile = pick(accounts, 'focal.chl@poa.demo');
  const france = pick(accounts, 'focal.fra@poa.demo');
  const kenya = pick(accounts, 'focal.ken@poa.demo');

  // 1. A recommendation for national implementation, adopted.
  const rec = await createDraft(db, workingGroups, {
    actor: chair,
    title: 'Recommendations on the protection of critical infrastructure',
    body: 'plenary',
    kind: 'recommendation',
    implementsCodes: ['norm-13f', 'norm-13g'],
    frameworkEffects: [],
    paragraphs: [
      { kind: 'preambular', text: 'Recalling norms 13(f) and 13(g) of the 2015 report of the Group of Governmental Experts (A/70/174),' },
      { kind: 'operative', text: 'Recommends that States identify and designate the critical infrastructure they consider as such;' },
      { kind: 'operative', text: 'Encourages States to share, on a voluntary basis, their national approaches to protecting critical infrastructure.' },
    ],
  });
  let draft = await draftWithRecord(db, rec.id);
  const op2 = draft.latest.paragraphs[2]!;
  const amendment = await proposeAmendment(db, {
    actor: kenya,
    draftId: rec.id,
    revisionNumber: 0,
    action: 'replace',
    paragraphKey: op2.key,
    text: 'Encourages States to share, on a voluntary basis, their national approaches to protecting critical infrastructure, including through regional organisations.',
    reason: 'Regional organisations are where much of this sharing already happens.',
  });
  await cosponsorAmendment(db, { actor: chile, amendmentId: amendment.id });
  const firstSilence = await openSilenceProcedure(ctx, { actor: chair, draftId: rec.id, zone: 'America/New_York' });
  await breakSilence(ctx, { actor: france, procedureId: firstSilence.id, reason: 'OP2 should reflect the regional dimension proposed by Kenya.' });
  draft = await draftWithRecord(db, rec.id);
  await issueRevision(db, {
    actor: chair,
    draftId: rec.id,
    ifMatch: 0,
    paragraphs: draft.latest.paragraphs.map((p) => ({ key: p.key, kind: p.kind, text: p.key === op2.key ? p.amendments[0]!.text! : p.text })),
    takesUp: [amendment.id],
    note: 'Takes up the amendment proposed by Kenya, co-sponsored by Chile.',
  });
  const soon = DateTime.utc().plus({ seconds: 2 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  await openSilenceProcedure(ctx, { actor: chair, draftId: rec.id, deadlineLocal: soon, zone: 'UTC' });
  await new Promise((resolve) => setTimeout(resolve, 2100));
  while (await runOneJob(db, jobHandlers(ctx)));

  // 2. A decision under negotiation, open under silence for a few minutes.
  const decision = await createDraft(db, workingGroups, {
    actor: chair,
    title: 'Decision on the establishment of a technical working group on capacity-building',
    body: 'plenary',
    kind: 'decision',
    implementsCodes: [],
    frameworkEffects: [],
    paragraphs: [
      { kind: 'preambular', text: 'Recalling General Assembly resolution 77/37 of 7 December 2022,' },
      { kind: 'operative', text: 'Decides to establish a technical working group on capacity-building, open to all States;' },
      { kind: 'operative', text: 'Requests the working group to report to the next formal meeting.' },
    ],
  });
  const d = await draftWithRecord(db, decision.id);
  await proposeAmendment(db, {
    actor: chile,
    draftId: decision.id,
    revisionNumber: 0,
    action: 'add',
    paragraphKey: d.latest.paragraphs[1]!.key,
    paragraphKind: 'operative',
    text: 'Invites accredited stakeholders to contribute to the work of the working group in accordance with its modalities;',
    reason: 'The PoA is inclusive of non-governmental stakeholders.',
  });
  const inTenMinutes = DateTime.now().setZone('Europe/Zurich').plus({ minutes: 10 }).toFormat("yyyy-MM-dd'T'HH:mm");
  await openSilenceProcedure(ctx, { actor: chair, draftId: decision.id, deadlineLocal: inTenMinutes, zone: 'Europe/Zurich' });
}
