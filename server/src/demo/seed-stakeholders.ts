import { DateTime } from 'luxon';
import type { PlatformContext } from '../platform/context.js';
import { runOneJob } from '../platform/jobs/runner.js';
import {
  circulateBatch,
  INVITE_LEAD_JOB,
  inviteFirstRepresentativeJob,
  markComplete,
  NON_OBJECTION_JOB,
  nonObjectionPeriodHandler,
  objectToApplication,
  requestToSpeak,
  submitApplication,
  submitWrittenInput,
} from '../modules/stakeholders/index.js';
import { listMeetings } from '../modules/meetings/index.js';
import { groupsOfState } from '../modules/groups/index.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => {
  const account = accounts.find((a) => a.email === email);
  if (!account) throw new Error(`demo account ${email} is missing`);
  return account;
};

/**
 * Accreditation the real way, for the demo: the Global Forum on Cyber Expertise (in consultative status
 * with ECOSOC) and an institute apply and are circulated in a first batch whose period ends a few seconds
 * later; France objects to the institute with a general basis shared with it; the job closes the period:
 * the Forum is accredited (its first representative invited), the institute is not. Returns the Forum's id,
 * for the demo's stakeholder account.
 */
export async function seedAccreditation(ctx: PlatformContext, accounts: DemoAccount[]): Promise<string> {
  const db = ctx.database.db;
  const secretariat = actorOf(pick(accounts, 'secretariat@poa.demo'));
  const france = actorOf(pick(accounts, 'focal.fra@poa.demo'));
  const forum = await submitApplication(ctx, {
    actor: null,
    names: { en: 'Global Forum on Cyber Expertise (demo)', fr: 'Forum mondial sur la cyberexpertise (démo)', es: 'Foro Mundial sobre Ciberexperiencia (demo)' },
    kind: 'intergovernmental',
    headquarters: 'NLD',
    website: 'https://thegfce.org',
    purpose: 'A multi-stakeholder platform for strengthening cyber capacity and expertise globally.',
    relevantWork: 'Coordinates capacity-building projects and a knowledge portal on cyber capacity.',
    ecosoc: { status: 'special', since: 2018 },
    contact: { name: 'Forum secretariat', email: 'contact@gfce.demo' },
    representatives: [{ name: 'Lead representative of the Forum', email: 'lead@gfce.demo' }],
    language: 'en',
  });
  const institute = await submitApplication(ctx, {
    actor: null,
    names: { fr: 'Institut d’études des réseaux (démo)' },
    kind: 'academia',
    headquarters: 'FRA',
    website: 'https://institut-reseaux.example.org',
    purpose: 'Recherche sur l’architecture des réseaux.',
    relevantWork: 'Publications sur le routage et la résilience des réseaux.',
    ecosoc: null,
    contact: { name: 'Secrétariat de l’Institut', email: 'contact@institut-reseaux.demo' },
    representatives: [{ name: 'Représentante de l’Institut', email: 'representante@institut-reseaux.demo' }],
    language: 'fr',
  });
  for (const a of [forum, institute]) await markComplete(db, { actor: secretariat, applicationId: a.id });
  const end = DateTime.utc().plus({ seconds: 3 });
  await circulateBatch(ctx, { actor: secretariat, applicationIds: [forum.id, institute.id], zone: 'UTC', endTime: '18:00', periodEndLocal: end.toFormat("yyyy-MM-dd'T'HH:mm:ss") });
  await objectToApplication(db, {
    actor: france,
    applicationId: institute.id,
    basis: 'The work of the organisation does not concern the use of ICTs in the context of international security.',
    nameShared: false,
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, end.toMillis() - Date.now() + 100)));
  const handlers = { [NON_OBJECTION_JOB]: nonObjectionPeriodHandler(ctx), [INVITE_LEAD_JOB]: inviteFirstRepresentativeJob(ctx) };
  while (await runOneJob(db, handlers));
  return forum.organisationId;
}

/**
 * The rest of the stakeholders' demo: an applicant in its non-objection period (applied in Spanish), and
 * the Forum's voice: written inputs to the annual meeting, to one item of its agenda and to the working
 * group it observes, and a request to speak at the annual meeting.
 */
export async function seedStakeholders(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const secretariat = actorOf(pick(accounts, 'secretariat@poa.demo'));
  const stakeholder = pick(accounts, 'stakeholder@poa.demo');
  const applicant = await submitApplication(ctx, {
    actor: null,
    names: { es: 'Red Latinoamericana de Ciberseguridad (demo)', en: 'Latin American Cybersecurity Network (demo)' },
    kind: 'ngo',
    headquarters: 'CHL',
    website: 'https://redciber.example.org',
    purpose: 'Fortalecer la cooperación regional en ciberseguridad.',
    relevantWork: 'Talleres sobre medidas de fomento de la confianza para equipos nacionales de respuesta.',
    ecosoc: null,
    contact: { name: 'Coordinación de la Red', email: 'contacto@redciber.demo' },
    representatives: [{ name: 'Representante de la Red', email: 'representante@redciber.demo' }],
    language: 'es',
  });
  await markComplete(db, { actor: secretariat, applicationId: applicant.id });
  await circulateBatch(ctx, { actor: secretariat, applicationIds: [applicant.id], zone: 'America/New_York', endTime: '18:00' });

  const [annual] = await listMeetings(db, { kind: 'annual-meeting' });
  if (!annual) throw new Error('the demo has no annual meeting');
  const actor = actorOf(stakeholder);
  await submitWrittenInput(ctx, {
    actor,
    organisationId: stakeholder.organisationId!,
    meetingId: annual.id,
    title: 'Written input: capacity-building for the global points of contact directory',
    language: 'en',
    text: 'The Forum offers its knowledge portal to help States set up and test their national points of contact, and proposes a joint session with regional organisations during the annual meeting.',
  });
  await submitWrittenInput(ctx, {
    actor,
    organisationId: stakeholder.organisationId!,
    meetingId: annual.id,
    agendaItem: 'cbms',
    title: 'Written input on confidence-building measures: lessons from regional points of contact networks',
    language: 'en',
    text: 'Regional organisations have run communication checks among their points of contact for several years. The Forum summarises what made them work: a named alternate for every contact, checks at announced and unannounced times, and a short report to the participating States after each round.',
  });
  // The working group the Forum observes (the one the Kenyan delegation takes part in).
  const [group] = await groupsOfState(db, 'KEN');
  if (!group) throw new Error('the demo has no working group');
  await submitWrittenInput(ctx, {
    actor,
    organisationId: stakeholder.organisationId!,
    groupId: group.id,
    title: 'Contribution au programme de travail : modèles de vérification des communications',
    language: 'fr',
    text: 'Le Forum propose au groupe de travail deux modèles de message pour les vérifications des communications (« ping tests ») : l’un pour les points de contact diplomatiques, l’autre pour les points de contact techniques, avec les délais de réponse attendus.',
  });
  await requestToSpeak(db, { actor, organisationId: stakeholder.organisationId!, meetingId: annual.id, speaker: 'Priya Raman' });
}
