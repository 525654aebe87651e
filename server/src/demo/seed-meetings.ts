import type { PlatformContext } from '../platform/context.js';
import { createFileStorage, issueDocument, uploadLanguageVersion } from '../modules/documents/index.js';
import { createDraft, draftWithRecord, proposeAmendment } from '../modules/decisions/index.js';
import { createGroup, joinGroup, workingGroups } from '../modules/groups/index.js';
import { changeMeetingStatus, confirmRegistration, registerDelegation, reviseAgenda, scheduleMeeting, setPublication, submitStatement } from '../modules/meetings/index.js';
import { toLocal } from '../kernel/local-time.js';
import { actorOf, type DemoAccount } from './seed-demo.js';
import { demoPdf } from './pdf.js';

const pick = (accounts: DemoAccount[], email: string) => {
  const account = accounts.find((a) => a.email === email);
  if (!account) throw new Error(`demo account ${email} is missing`);
  return account;
};

/** A day from now, at a wall-clock hour in a zone: `YYYY-MM-DDTHH:mm`. */
const dayAt = (daysFromNow: number, hour: string, zone: string) => `${toLocal(new Date(Date.now() + daysFromNow * 86_400_000), zone).slice(0, 10)}T${hour}`;

const LANGUAGE_NAMES: Record<string, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' };
/** A one-page PDF with the document's text, made here, standing in for an official document. */
const pdf = (title: string, language: string) =>
  demoPdf([
    title,
    `Programme of Action on ICTs in the context of international security - ${LANGUAGE_NAMES[language] ?? language} version`,
    'This document was generated for the demonstration of the PoA Platform.',
    'It stands in for the text the Secretariat issues in the six official languages.',
  ]);

/**
 * Meetings in the demo: the next annual meeting, open for registration, with its provisional agenda
 * linked to the framework, its documents, delegations registered (one confirmed) and a statement;
 * a working group on CBMs with members, an observer and an intersessional meeting in Geneva; and
 * the organizational session, held two months ago, whose statements (Chile's among them) are public.
 */
export async function seedMeetings(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const storage = createFileStorage(ctx.config);
  const pattern = ctx.config.documentSymbolPattern;
  const secretariat = actorOf(pick(accounts, 'secretariat@poa.demo'));
  const chileFocal = pick(accounts, 'focal.chl@poa.demo');
  const chileDelegate = pick(accounts, 'delegate.chl@poa.demo');
  const franceFocal = pick(accounts, 'focal.fra@poa.demo');
  const kenyaFocal = pick(accounts, 'focal.ken@poa.demo');
  const stakeholder = pick(accounts, 'stakeholder@poa.demo');

  // ---- the working group ----
  const group = await createGroup(db, {
    actor: secretariat,
    name: { en: 'Technical working group on confidence-building measures', fr: 'Groupe de travail technique sur les mesures de confiance', es: 'Grupo de trabajo técnico sobre medidas de fomento de la confianza' },
    mandate: {
      en: 'To advance the implementation of the global confidence-building measures, including the global directory of points of contact, and to report to the annual meeting.',
    },
    mandateSource: 'Founding document of the Programme of Action (demo)',
    chairs: [
      { name: 'Wanjiru Kamau', role: 'co-facilitator', state: 'KEN' },
      { name: 'Claire Martin', role: 'co-facilitator', state: 'FRA' },
    ],
    workProgramme: [
      { title: { en: 'Exchange of views on the global points of contact directory' }, period: 'First intersessional meeting', description: null },
      { title: { en: 'Templates for communication checks ("ping tests")' }, period: 'Second intersessional meeting', description: null },
      { title: { en: 'Recommendations to the annual meeting' }, period: 'Annual meeting', description: null },
    ],
    stakeholderObservers: true,
  });
  for (const account of [chileDelegate, franceFocal, kenyaFocal]) {
    await joinGroup(db, { actor: actorOf(account), groupId: group.id, who: { kind: 'state', state: account.state! }, as: 'member' });
  }
  await joinGroup(db, { actor: actorOf(stakeholder), groupId: group.id, who: { kind: 'organisation', organisationId: stakeholder.organisationId! }, as: 'observer' });
  // The group's own draft, under negotiation: recommendations it will transmit to the plenary.
  const groupDraft = await createDraft(db, workingGroups, {
    actor: actorOf(pick(accounts, 'chair@poa.demo')),
    title: 'Recommendations on keeping the global directory of points of contact up to date',
    body: group.id,
    kind: 'recommendation',
    implementsCodes: ['global-cbm-1'],
    frameworkEffects: [],
    paragraphs: [
      { kind: 'preambular', text: 'Recalling the establishment of the global, intergovernmental points of contact directory,' },
      { kind: 'operative', text: 'Recommends that States review their diplomatic and technical points of contact at least once a year;' },
      { kind: 'operative', text: 'Recommends that States answer communication checks within the time agreed in the directory.' },
    ],
  });
  const checks = (await draftWithRecord(db, groupDraft.id)).latest.paragraphs[2]!;
  await proposeAmendment(db, {
    actor: actorOf(franceFocal),
    draftId: groupDraft.id,
    revisionNumber: 0,
    action: 'replace',
    paragraphKey: checks.key,
    text: 'Recommends that States answer communication checks within the time agreed in the directory, and inform the Secretariat when they cannot.',
    reason: 'A check that goes unanswered should not be left without explanation.',
  });
  const geneva = 'Europe/Zurich';
  await scheduleMeeting(db, {
    actor: secretariat,
    groupId: group.id,
    kind: 'twg-meeting',
    title: { en: 'First intersessional meeting of the TWG on confidence-building measures' },
    startsAt: dayAt(45, '10:00', geneva),
    endsAt: dayAt(46, '18:00', geneva),
    registrationDeadline: dayAt(35, '18:00', geneva),
    timeZone: geneva,
    venue: 'Palais des Nations, Geneva',
    format: 'hybrid',
    stakeholdersMayAttend: true,
  });

  // ---- the annual meeting ----
  const newYork = 'America/New_York';
  const meeting = await scheduleMeeting(db, {
    actor: secretariat,
    kind: 'annual-meeting',
    title: {
      en: 'First annual meeting of the Programme of Action',
      fr: 'Première réunion annuelle du Programme d’action',
      es: 'Primera reunión anual del Programa de Acción',
    },
    sessionNumber: 1,
    startsAt: dayAt(120, '10:00', newYork),
    endsAt: dayAt(124, '18:00', newYork),
    registrationDeadline: dayAt(100, '18:00', newYork),
    timeZone: newYork,
    venue: 'Conference Room 4, United Nations Headquarters, New York',
    format: 'hybrid',
  });
  await changeMeetingStatus(db, { actor: secretariat, id: meeting.id, ifMatch: meeting.version, status: 'registration-open' });

  const agendaDoc = await issueDocument(db, { actor: secretariat, symbolPattern: pattern, meetingId: meeting.id, type: 'agenda', title: { en: 'Provisional agenda', fr: 'Ordre du jour provisoire' } });
  for (const language of ['en', 'fr'] as const) {
    await uploadLanguageVersion(db, storage, { actor: secretariat, documentId: agendaDoc.id, language, bytes: pdf('Provisional agenda', language), filename: `provisional-agenda-${language}.pdf`, mediaType: 'application/pdf' });
  }
  await reviseAgenda(db, {
    actor: secretariat,
    meetingId: meeting.id,
    ifMatch: null,
    documentId: agendaDoc.id,
    items: [
      { key: 'opening', title: { en: 'Opening of the meeting', fr: 'Ouverture de la réunion' } },
      { key: 'agenda', title: { en: 'Adoption of the agenda', fr: 'Adoption de l’ordre du jour' } },
      {
        key: 'implementation',
        title: { en: 'Implementation of the framework of responsible State behaviour' },
        items: [
          { key: 'norms', title: { en: 'Norms, rules and principles' }, elements: ['norm-13a', 'norm-13c', 'norm-13g'] },
          { key: 'cbms', title: { en: 'Confidence-building measures' }, elements: ['global-cbm-1', 'global-cbm-2'] },
          { key: 'capacity', title: { en: 'Capacity-building' }, elements: ['cb-principle-1'] },
        ],
      },
      { key: 'twg-reports', title: { en: 'Reports of the technical working groups' } },
      { key: 'other', title: { en: 'Other matters' } },
      { key: 'report', title: { en: 'Adoption of the report' } },
    ],
  });
  const wp = await issueDocument(db, {
    actor: secretariat,
    symbolPattern: pattern,
    meetingId: meeting.id,
    agendaItem: 'cbms',
    type: 'working-paper',
    title: { en: 'Working paper: operationalising the global points of contact directory' },
  });
  await uploadLanguageVersion(db, storage, { actor: secretariat, documentId: wp.id, language: 'en', bytes: pdf('Working paper', 'en'), filename: 'wp1-en.pdf', mediaType: 'application/pdf' });

  // ---- delegations and a statement ----
  const chile = await registerDelegation(db, {
    actor: actorOf(chileFocal),
    meetingId: meeting.id,
    delegation: { kind: 'state', state: 'CHL' },
    contactEmail: 'mission.chile@poa.demo',
    ifMatch: null,
    participants: [
      { role: 'head', name: 'Camila Rojas', title: 'Ambassador, Permanent Representative', self: true },
      { role: 'representative', name: 'Diego Morales', title: 'Counsellor', email: 'delegate.chl@poa.demo' },
      { role: 'adviser', name: 'Valentina Soto', title: 'Cybersecurity adviser, CSIRT' },
    ],
  });
  await confirmRegistration(db, { actor: secretariat, meetingId: meeting.id, registrationId: chile.id, ifMatch: chile.version });
  await registerDelegation(db, {
    actor: actorOf(franceFocal),
    meetingId: meeting.id,
    delegation: { kind: 'state', state: 'FRA' },
    contactEmail: 'mission.france@poa.demo',
    ifMatch: null,
    participants: [
      { role: 'head', name: 'Claire Martin', title: 'Ambassador for digital affairs', self: true },
      { role: 'representative', name: 'Julien Bernard', title: 'First Secretary' },
    ],
  });
  await registerDelegation(db, {
    actor: actorOf(stakeholder),
    meetingId: meeting.id,
    delegation: { kind: 'organisation', organisationId: stakeholder.organisationId! },
    contactEmail: 'office@gfce.poa.demo',
    ifMatch: null,
    participants: [{ role: 'representative', name: 'Priya Raman', title: 'Policy lead', self: true }],
  });
  await submitStatement(db, {
    actor: actorOf(chileDelegate),
    meetingId: meeting.id,
    delegation: { kind: 'state', state: 'CHL' },
    agendaItem: 'cbms',
    language: 'es',
    title: 'Declaración de Chile sobre medidas de fomento de la confianza',
    text: 'Chile apoya el directorio mundial de puntos de contacto y propone pruebas de comunicación periódicas.',
  });

  // ---- the organizational session, over: its statements published (shown on each State's page) ----
  const session = await scheduleMeeting(db, {
    actor: secretariat,
    kind: 'organizational-session',
    title: {
      en: 'Organizational session of the Programme of Action',
      fr: 'Session d’organisation du Programme d’action',
      es: 'Período de sesiones de organización del Programa de Acción',
    },
    startsAt: dayAt(-60, '10:00', newYork),
    endsAt: dayAt(-59, '18:00', newYork),
    timeZone: newYork,
    venue: 'Conference Room 4, United Nations Headquarters, New York',
    format: 'in-person',
  });
  await reviseAgenda(db, {
    actor: secretariat,
    meetingId: session.id,
    ifMatch: null,
    items: [
      { key: 'opening', title: { en: 'Opening of the session', fr: 'Ouverture de la session', es: 'Apertura del período de sesiones' } },
      { key: 'general', title: { en: 'General exchange of views', fr: 'Échange de vues général', es: 'Intercambio general de opiniones' } },
    ],
  });
  await submitStatement(db, {
    actor: actorOf(chileFocal),
    meetingId: session.id,
    delegation: { kind: 'state', state: 'CHL' },
    agendaItem: 'general',
    language: 'es',
    title: 'Declaración de Chile en el intercambio general de opiniones',
    text: 'Chile celebra el establecimiento del Programa de Acción y se compromete a presentar su informe nacional en el primer ciclo.',
  });
  let held = await changeMeetingStatus(db, { actor: secretariat, id: session.id, ifMatch: session.version, status: 'in-session' });
  held = await changeMeetingStatus(db, { actor: secretariat, id: session.id, ifMatch: held.version, status: 'closed' });
  await setPublication(db, { actor: secretariat, id: session.id, ifMatch: held.version, statements: true });
}
