import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from './support/platform.js';
import { rowsOf, type Database } from '../src/platform/db/database.js';
import { frameworkElements, frameworkVersions, sourceDocuments } from '../src/modules/framework/tables.js';
import { versionOn, type VersionPoint } from '../src/modules/framework/elements.js';
import { standsOn } from '../src/modules/framework/reading.js';

/**
 * The framework's timeline (drizzle/0031-0032), kept by a trigger, must say what the pure rule says
 * (`versionOn`): the version standing on a date is the latest by (effective date, number) up to it,
 * whatever order the versions were recorded in, one per statement or many in one.
 */
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  await database.db.insert(sourceDocuments).values({ symbol: 'TL/1', title: 'Timeline', body: 'Test', date: '2010-01-01', dateKind: 'issued' });
});
afterAll(() => drop());

const DATES = ['2011-05-01', '2013-02-10', '2013-02-10', '2016-09-30', '2019-12-31', '2022-06-15'];
const PROBES = ['2010-12-31', '2011-05-01', '2012-01-01', '2013-02-10', '2016-09-29', '2016-09-30', '2020-01-01', '2022-06-15', '2030-01-01'];

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function record(code: string, history: VersionPoint[], order: number[], oneStatement: boolean) {
  await database.db.insert(frameworkElements).values({ code, kind: 'norm', grouping: null, position: 1 });
  const rows = order.map((i) => {
    const v = history[i]!;
    return {
      code, version: v.version, change: v.change, effectiveOn: v.effectiveOn, recordedAt: new Date(), texts: { en: { title: code, text: code, status: 'summary' as const } },
      sourceSymbol: 'TL/1', paragraphConfirmed: false, searchText: code,
    };
  });
  if (oneStatement) await database.db.insert(frameworkVersions).values(rows);
  else for (const r of rows) await database.db.insert(frameworkVersions).values(r);
}

async function standingOn(code: string, date: string): Promise<number | null> {
  const rows = rowsOf<{ version: number }>(
    await database.db.execute(sql`SELECT v.version FROM framework_versions v WHERE v.code = ${code} AND ${standsOn('v', sql`${date}::date`)}`),
  );
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0]?.version ?? null;
}

describe('the version standing on a date, from the timeline the database keeps', () => {
  const history: VersionPoint[] = DATES.map((effectiveOn, i) => ({ version: i + 1, effectiveOn, change: i === 0 ? 'added' : 'amended' }));

  for (const [seed, oneStatement] of [[1, false], [2, false], [3, true], [4, true], [5, false]] as const) {
    it(`agrees with the rule when recorded in shuffled order ${seed}${oneStatement ? ', in one statement' : ''}`, async () => {
      const code = `tl-${seed}`;
      await record(code, history, shuffled(history.map((_, i) => i), seed), oneStatement);
      for (const date of PROBES) expect(await standingOn(code, date), date).toBe(versionOn(history, date)?.version ?? null);
    });
  }

  it('a later version recorded on the same day as an earlier one stands from that day', async () => {
    const sameDay: VersionPoint[] = [{ version: 1, effectiveOn: '2015-07-22', change: 'added' }, { version: 2, effectiveOn: '2015-07-22', change: 'text-recorded' }];
    await record('tl-same-day', sameDay, [1, 0], false);
    expect(await standingOn('tl-same-day', '2015-07-22')).toBe(2);
    expect(await standingOn('tl-same-day', '2015-07-21')).toBeNull();
  });
});

/** What the global search looks in for an element on a day (framework_search_current, as its source reads it). */
async function searchedOn(code: string, date: string): Promise<number[]> {
  const rows = rowsOf<{ version: number }>(
    await database.db.execute(sql`SELECT c.version FROM framework_search_current c
      WHERE c.code = ${code} AND c.effective_on <= ${date}::date AND (c.ended_on IS NULL OR c.ended_on > ${date}::date)`),
  );
  return rows.map((r) => r.version);
}

describe('the versions the global search looks in, kept with the timeline', () => {
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  // Versions long past, one that took effect yesterday, one to come next month, and one far ahead.
  const history: VersionPoint[] = [
    { version: 1, effectiveOn: '2012-03-01', change: 'added' },
    { version: 2, effectiveOn: '2018-07-01', change: 'amended' },
    { version: 3, effectiveOn: inDays(-1), change: 'amended' },
    { version: 4, effectiveOn: inDays(30), change: 'amended' },
    { version: 5, effectiveOn: inDays(400), change: 'retired' },
  ];

  for (const [seed, oneStatement] of [[11, false], [12, true], [13, false]] as const) {
    it(`holds the version standing today and those to come, never one ended before today (order ${seed}${oneStatement ? ', one statement' : ''})`, async () => {
      const code = `sc-${seed}`;
      await record(code, history, shuffled(history.map((_, i) => i), seed), oneStatement);
      expect(await searchedOn(code, today)).toEqual([versionOn(history, today)!.version]);
      expect(await searchedOn(code, inDays(31))).toEqual([4]);
      // Retired from then on: nothing to find.
      expect(await searchedOn(code, inDays(401))).toEqual([]);
      const kept = rowsOf<{ version: number }>(await database.db.execute(sql`SELECT version FROM framework_search_current WHERE code = ${code} ORDER BY version`));
      expect(kept.map((r) => r.version)).toEqual([3, 4]);
    });
  }

  it('carries the version’s own words, found by the search’s match', async () => {
    const code = 'sc-words';
    await database.db.insert(frameworkElements).values({ code, kind: 'norm', grouping: null, position: 1 });
    await database.db.insert(frameworkVersions).values({
      code, version: 1, change: 'added', effectiveOn: '2015-07-22', recordedAt: new Date(),
      texts: { en: { title: 'Critical infrastructure', text: 'States should not harm critical infrastructure.', status: 'summary' }, fr: { title: 'Infrastructures critiques', text: 'Les États ne devraient pas…', status: 'summary' } },
      sourceSymbol: 'TL/1', paragraphConfirmed: false, searchText: 'critical infrastructure states should not harm critical infrastructure infrastructures critiques',
    });
    const rows = rowsOf<{ version: number; languages: string[] }>(
      await database.db.execute(sql`SELECT c.version, c.languages FROM framework_search_current c WHERE c.code = ${code} AND c.search_words @@ to_tsquery('english', 'infrastructure')`),
    );
    expect(rows).toEqual([{ version: 1, languages: ['en', 'fr'] }]);
  });
});
