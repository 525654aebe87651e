import { DateTime } from 'luxon';
import type { PlatformContext } from '../platform/context.js';
import { openCycle, saveSection, startReport, submitReport } from '../modules/reporting/index.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => actorOf(accounts.find((a) => a.email === email)!);

type Answer = Parameters<typeof saveSection>[1]['answer'];

/**
 * Reporting in the demo: last year's cycle, closed, in which Chile, France, Viet Nam and Jordan reported;
 * this year's open cycle, in which Chile (public, with a States-only and a Secretariat-only section) and
 * France (States only) have submitted, Kenya is drafting, and Viet Nam and Jordan have not started.
 */
export async function seedReporting(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const secretariat = pick(accounts, 'secretariat@poa.demo');
  const lastYear = DateTime.utc().year - 1;
  const previous = await openCycle(ctx, {
    actor: secretariat,
    title: `Reporting cycle ${lastYear}`,
    periodStart: `${lastYear}-01-01`,
    periodEnd: `${lastYear}-12-31`,
    // Recorded as opened a year ago, with its deadline a month ago: the cycle is closed.
    deadlineLocal: DateTime.now().setZone('Europe/Zurich').minus({ days: 30 }).set({ hour: 18, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    zone: 'Europe/Zurich',
    openedAt: DateTime.now().minus({ months: 12 }).toJSDate(),
  });
  const earlier: [string, 'public' | 'states', [string, Answer][]][] = [
    ['CHL', 'public', [['norm:norm-13g', { status: 'in-progress', measures: 'Draft decree on critical infrastructure.' }]]],
    ['FRA', 'states', [['norm:norm-13g', { status: 'implemented', measures: 'Operators of vital importance designated.' }]]],
    [
      'VNM',
      'public',
      [
        ['norm:norm-13g', { status: 'in-progress', measures: 'Law on Cybersecurity: list of information systems important for national security.' }],
        ['norm:norm-13j', { status: 'planned', challenges: 'Few specialists in vulnerability analysis.' }],
        ['cbm:global-cbm-1', { status: 'implemented', measures: 'Points of contact nominated through the Ministry of Foreign Affairs.' }],
      ],
    ],
    ['JOR', 'public', [['norm:norm-13g', { status: 'planned', measures: 'National Cybersecurity Centre established.' }]]],
  ];
  for (const [state, visibility, sections] of earlier) {
    const fp = pick(accounts, `focal.${state.toLowerCase()}@poa.demo`);
    const report = await startReport(db, { actor: fp, cycleId: previous.id, fromPrevious: false, visibility });
    for (const [key, answer] of sections) await saveSection(db, { actor: fp, reportId: report.id, key, ifMatch: 0, answer, visibility: null });
    await submitReport(db, { actor: fp, reportId: report.id });
  }
  const cycle = await openCycle(ctx, {
    actor: secretariat,
    title: 'First reporting cycle of the PoA',
    periodStart: `${DateTime.utc().year}-01-01`,
    periodEnd: `${DateTime.utc().year}-12-31`,
    deadlineLocal: DateTime.now().setZone('America/New_York').plus({ days: 45 }).set({ hour: 12, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    zone: 'America/New_York',
  });
  const reports: [string, 'public' | 'states', boolean, [string, Parameters<typeof saveSection>[1]['answer'], ('states' | 'secretariat' | null)?][]][] = [
    [
      'CHL',
      'public',
      true,
      [
        ['international-law', { status: 'implemented', measures: 'National position on the application of international law in cyberspace published in 2023.' }],
        ['norm:norm-13g', { status: 'implemented', measures: 'Critical infrastructure designated by decree; sector CSIRTs established.' }],
        ['norm:norm-13j', { status: 'in-progress', measures: 'Coordinated vulnerability disclosure policy in consultation.', challenges: 'Legal protection for researchers.' }],
        ['cbm:global-cbm-1', { status: 'implemented', measures: 'Diplomatic and technical points of contact nominated.' }],
        ['capacity-building', { status: 'in-progress', needs: [{ description: 'Training on incident severity assessment for sector CSIRTs', codes: ['norm-13g', 'global-cbm-7'] }] }, 'states'],
        ['contacts', { contacts: 'CSIRT duty officer reachable around the clock through the Ministry of the Interior switchboard.' }, 'secretariat'],
      ],
    ],
    [
      'FRA',
      'states',
      true,
      [
        ['norm:norm-13g', { status: 'implemented', measures: 'Operators of vital importance designated under the Defence Code.' }],
        ['norm:norm-13j', { status: 'implemented', measures: 'National coordinated vulnerability disclosure framework.' }],
        ['cbm:global-cbm-1', { status: 'implemented' }],
      ],
    ],
    ['KEN', 'public', false, [['norm:norm-13g', { status: 'planned', challenges: 'Mapping of critical information infrastructure.', needs: [{ description: 'Support for a national CII inventory', codes: ['norm-13g'] }] }]]],
  ];
  for (const [state, visibility, submit, sections] of reports) {
    const fp = pick(accounts, `focal.${state.toLowerCase()}@poa.demo`);
    const report = await startReport(db, { actor: fp, cycleId: cycle.id, fromPrevious: false, visibility });
    for (const [key, answer, sectionVisibility] of sections) {
      await saveSection(db, { actor: fp, reportId: report.id, key, ifMatch: 0, answer, visibility: sectionVisibility ?? null });
    }
    if (submit) await submitReport(db, { actor: fp, reportId: report.id });
  }
}
