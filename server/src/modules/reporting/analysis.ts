import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './questionnaire.js';
import type { SubmittedSection } from './tables.js';

/**
 * The picture a cycle gives, as pure functions over the submissions the viewer may see — so that no
 * statistic ever counts what the viewer could not read.
 */

export interface VisibleReport {
  state: string;
  sections: SubmittedSection[];
}

export interface StateInGroup {
  iso3: string;
  regionalGroup: string | null;
}

/** Which States reported, overall and by regional group. */
export function participation(reports: readonly VisibleReport[], states: readonly StateInGroup[]) {
  const reported = new Set(reports.map((r) => r.state));
  const groups = new Map<string, { group: string; states: number; reported: number }>();
  for (const s of states) {
    const key = s.regionalGroup ?? 'none';
    const g = groups.get(key) ?? { group: key, states: 0, reported: 0 };
    g.states++;
    if (reported.has(s.iso3)) g.reported++;
    groups.set(key, g);
  }
  return {
    states: states.length,
    reported: states.filter((s) => reported.has(s.iso3)).length,
    byState: states.map((s) => ({ iso3: s.iso3, reported: reported.has(s.iso3) })),
    byGroup: [...groups.values()].sort((a, b) => a.group.localeCompare(b.group)),
  };
}

export type StatusCounts = Record<ImplementationStatus, number>;
const emptyCounts = (): StatusCounts => Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** Implementation status per section (per norm, per CBM): how many States gave each status. */
export function statusBySection(reports: readonly VisibleReport[], keys: readonly string[]) {
  return keys.map((key) => {
    const counts = emptyCounts();
    let answered = 0;
    let challenges = 0;
    for (const r of reports) {
      const s = r.sections.find((x) => x.key === key);
      if (!s) continue;
      if (s.answer.status) {
        counts[s.answer.status]++;
        answered++;
      }
      if (s.answer.challenges?.trim()) challenges++;
    }
    return { key, answered, counts, statesReportingChallenges: challenges };
  });
}

/** Capacity-building needs most reported, by the framework elements they concern. */
export function needsByElement(reports: readonly VisibleReport[]) {
  const counts = new Map<string, Set<string>>();
  let total = 0;
  for (const r of reports)
    for (const s of r.sections)
      for (const need of s.answer.needs ?? []) {
        total++;
        for (const code of need.codes.length ? need.codes : [s.key]) {
          const set = counts.get(code) ?? new Set<string>();
          set.add(r.state);
          counts.set(code, set);
        }
      }
  return {
    needs: total,
    byElement: [...counts.entries()].map(([code, states]) => ({ code, states: states.size })).sort((a, b) => b.states - a.states || a.code.localeCompare(b.code)),
  };
}

/** Up to three States side by side, section by section. */
export function compareStates(reports: readonly VisibleReport[], states: readonly string[], keys: readonly string[]) {
  return keys.map((key) => ({
    key,
    states: states.map((iso3) => ({ iso3, answer: reports.find((r) => r.state === iso3)?.sections.find((s) => s.key === key)?.answer ?? null })),
  }));
}
