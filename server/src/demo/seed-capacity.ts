import type { PlatformContext } from '../platform/context.js';
import { acceptMatch, confirmMatch, createNeed, createOffer, evaluateProject, inviteOffer, publishReportNeeds, updateProject } from '../modules/capacity/index.js';
import { listCycles, saveSection, startReport, submitReport } from '../modules/reporting/index.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => actorOf(accounts.find((a) => a.email === email)!);

/**
 * Capacity-building in the demo: Kenya's need taken from the report it sent late for last year's cycle,
 * and needs of Viet Nam and Jordan; offers from France, Chile and the demo organisation; Jordan's need
 * met by the organisation in a running project, and Kenya's by France in a completed project that both
 * partners evaluated. Viet Nam's need is still open, with Chile's offer ranked for it.
 */
export async function seedCapacity(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const deps = { db, publicUrl: ctx.config.publicUrl };
  const ken = pick(accounts, 'focal.ken@poa.demo');
  const vnm = pick(accounts, 'focal.vnm@poa.demo');
  const jor = pick(accounts, 'focal.jor@poa.demo');
  const fra = pick(accounts, 'focal.fra@poa.demo');
  const chl = pick(accounts, 'focal.chl@poa.demo');
  const org = pick(accounts, 'stakeholder@poa.demo');

  // Kenya sends last year's report late, with a need in its capacity-building section, and publishes it as a need.
  const lastYear = (await listCycles(db, null)).find((c) => c.title === `Reporting cycle ${new Date().getUTCFullYear() - 1}`);
  const report = await startReport(db, { actor: ken, cycleId: lastYear!.id, fromPrevious: false, visibility: 'public' });
  await saveSection(db, {
    actor: ken,
    reportId: report.id,
    key: 'capacity-building',
    ifMatch: 0,
    visibility: null,
    answer: { needs: [{ description: 'Training of sector CSIRTs in incident severity assessment', codes: ['norm-13g', 'global-cbm-7'] }] },
  });
  await submitReport(db, { actor: ken, reportId: report.id });
  const fromReport = await publishReportNeeds(db, { actor: ken, modality: 'training', languages: ['en', 'fr'], visibility: 'public' });
  const kenNeed = fromReport.created[0]!;

  const base = { periodStart: null, periodEnd: null, partners: 1 };
  await createNeed(db, {
    actor: vnm,
    need: {
      ...base,
      title: { en: 'Exchange of expertise on vulnerability analysis', fr: 'Échange d’expertise sur l’analyse des vulnérabilités' },
      description: { en: 'Few specialists in vulnerability analysis: an exchange with a national team that runs a disclosure programme.' },
      codes: ['norm-13j'],
      modality: 'exchange-of-expertise',
      languages: ['en'],
      visibility: 'public',
    },
  });
  const jorNeed = await createNeed(db, {
    actor: jor,
    need: {
      ...base,
      title: { en: 'A national points-of-contact exercise', ar: 'تمرين وطني لجهات الاتصال' },
      description: { en: 'Help to design and run a first communication check of the national points of contact.', ar: 'المساعدة في تصميم وإجراء أول اختبار اتصال لجهات الاتصال الوطنية.' },
      codes: ['global-cbm-1'],
      modality: 'technical-assistance',
      languages: ['ar', 'en'],
      visibility: 'public',
    },
  });

  const offer = { regions: [], states: [], capacity: 2, periodStart: null, periodEnd: null, conditions: null, visibility: 'public' as const };
  const fraOffer = await createOffer(db, {
    actor: fra,
    offer: {
      ...offer,
      title: { en: 'Incident response training for CSIRTs', fr: 'Formation à la réponse aux incidents pour les CSIRT' },
      description: { en: 'A week of training for CSIRT staff, in French or English.', fr: 'Une semaine de formation pour les équipes des CSIRT, en français ou en anglais.' },
      codes: ['norm-13g', 'global-cbm-7'],
      modalities: ['training', 'advisory'],
      languages: ['fr', 'en'],
      regions: ['AG'],
    },
  });
  await createOffer(db, {
    actor: chl,
    offer: {
      ...offer,
      title: { en: 'Sharing a coordinated vulnerability disclosure programme', es: 'Compartir un programa de divulgación coordinada de vulnerabilidades' },
      description: { en: 'Chile’s national CSIRT shares how it runs its disclosure programme.', es: 'El CSIRT nacional de Chile comparte cómo gestiona su programa de divulgación.' },
      codes: ['norm-13j'],
      modalities: ['exchange-of-expertise'],
      languages: ['es', 'en'],
    },
  });
  const orgOffer = await createOffer(db, {
    actor: org,
    offer: {
      ...offer,
      title: { en: 'Designing communication checks' },
      description: { en: 'Advice and a facilitator for a first communication check of points of contact.' },
      codes: ['global-cbm-1'],
      modalities: ['technical-assistance', 'advisory'],
      languages: ['en', 'ar'],
    },
  });

  // Jordan and the organisation: a running project.
  const jorMatch = await inviteOffer(deps, { actor: jor, needId: jorNeed.id, offerId: orgOffer.id, message: 'We would welcome your facilitator.' });
  await acceptMatch(deps, { actor: org, matchId: jorMatch.id, message: 'Gladly: we propose the second quarter.' });
  const running = await confirmMatch(deps, { actor: jor, matchId: jorMatch.id, message: '' });
  await updateProject(db, {
    actor: jor,
    projectId: running.projectId,
    ifMatch: 1,
    patch: { objectives: 'A first communication check of the national points of contact.', milestones: [{ title: 'Exercise design', due: '2027-03-31', status: 'in-progress' }], publicParts: { project: true, objectives: true, milestones: true } },
  });

  // Kenya and France: a completed project, evaluated by both.
  const kenMatch = await inviteOffer(deps, { actor: ken, needId: kenNeed, offerId: fraOffer.id, message: 'Our sector CSIRTs would benefit from your course.' });
  await acceptMatch(deps, { actor: fra, matchId: kenMatch.id, message: 'Avec plaisir.' });
  const done = await confirmMatch(deps, { actor: ken, matchId: kenMatch.id, message: '' });
  await updateProject(db, {
    actor: ken,
    projectId: done.projectId,
    ifMatch: 1,
    patch: {
      objectives: 'Train the analysts of four sector CSIRTs to assess the severity of incidents.',
      milestones: [
        { title: 'Course in Nairobi', due: '2026-05-15', status: 'done' },
        { title: 'Follow-up exercise', due: '2026-09-30', status: 'done' },
      ],
      principles: ['cb-principle-1', 'cb-principle-2'],
      publicParts: { project: true, objectives: true, milestones: true },
    },
  });
  await updateProject(db, { actor: ken, projectId: done.projectId, ifMatch: 2, patch: { status: 'completed' } });
  await evaluateProject(db, { actor: ken, projectId: done.projectId, delivered: 'Two courses and an exercise for 24 analysts.', changed: 'Sector CSIRTs now grade incidents on one national scale.', lessons: 'Involve the sector regulators from the start.', public: true });
  await evaluateProject(db, { actor: fra, projectId: done.projectId, delivered: 'Course material in English, adapted to Kenyan sectors.', changed: 'A shared severity scale.', lessons: 'Plan the follow-up exercise with the course.', public: true });
}
