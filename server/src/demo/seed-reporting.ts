import { DateTime } from 'luxon';
import type { PlatformContext } from '../platform/context.js';
import { openCycle, saveSection, startReport, submitReport } from '../modules/reporting/reports.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => actorOf(accounts.find((a) => a.email === email)!);

/** Reporting in the demo: an open cycle; Chile (public) and France (States only) have submitted; Kenya is drafting. */
export async function seedReporting(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const secretariat = pick(accounts, 'secretariat@poa.demo');
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
