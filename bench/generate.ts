/**
 * The generated data of the bench's second and third parts, at the scale the issues set: framework
 * elements with versions (each in English and one other language) and national reports of 193 States
 * over several cycles, each answering every section of the questionnaire, in the State's language, with
 * the realistic vocabulary of `corpus.ts`. Written straight into a fresh database with the server's own
 * tables and rules (texts folded for search the way the platform folds them), on PostgreSQL or PGlite.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseTarget } from '../server/src/platform/db/database.js';
import { loadReferenceData } from '../server/src/start.js';
import { frameworkElements, frameworkVersions } from '../server/src/modules/framework/tables.js';
import { searchTextOf, type ElementKind, type ElementTexts } from '../server/src/modules/framework/elements.js';
import { frameworkSnapshot } from '../server/src/modules/framework/index.js';
import { buildQuestionnaire, IMPLEMENTATION_STATUSES, type Visibility } from '../server/src/modules/reporting/questionnaire.js';
import { nationalReports, questionnaires, reportingCycles, reportSubmissions } from '../server/src/modules/reporting/tables.js';
import { states } from '../server/src/modules/states/tables.js';
import { accountRoles, accounts } from '../server/src/modules/accounts/tables.js';
import { openSession } from '../server/src/modules/accounts/index.js';
import { corpus, CORPUS_LANGUAGES, random, type CorpusLanguage } from './corpus.js';

export interface DomainSize {
  elements: number;
  versions: number;
  cycles: number;
}
export const DOMAIN_SIZE: DomainSize = { elements: 5000, versions: 5, cycles: 10 };

export interface GeneratedDomain {
  /** Session cookies of two signed-in readers: a focal point of France, the Secretariat. */
  cookies: Record<'state' | 'secretariat', string>;
  /** How many paragraphs of text were written (framework texts, answers, challenges, needs). */
  paragraphs: number;
}

const KINDS: ElementKind[] = ['norm', 'cbm', 'international-law', 'capacity-building-principle', 'threat'];
/** The language each State's reports are written in, in turn (about the shares of the UN's membership). */
const STATE_LANGUAGES: CorpusLanguage[] = ['en', 'en', 'en', 'fr', 'es', 'en', 'fr', 'ar', 'es', 'ru', 'en', 'zh', 'ar', 'en', 'es'];

/** The expression and other secondary indexes of these tables, by name and definition. */
async function indexDefinitions(database: Database, tables: string[]): Promise<{ name: string; definition: string }[]> {
  const rows = (await database.db.execute(
    sql`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename IN (${sql.join(tables.map((t) => sql`${t}`), sql`, `)}) AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%'`,
  )) as unknown as { rows?: { name: string; definition: string }[] } | { name: string; definition: string }[];
  return Array.isArray(rows) ? rows : (rows.rows ?? []);
}

export async function generateDomain(target: DatabaseTarget, size: DomainSize = DOMAIN_SIZE): Promise<GeneratedDomain> {
  const database = await openDatabase(target);
  try {
    await database.migrate();
    await loadReferenceData(database);
    const db = database.db;
    const rnd = random(42);
    const texts = corpus(42);
    let paragraphs = 0;
    const paragraph = (language: CorpusLanguage, words: number) => {
      paragraphs++;
      return texts.paragraph(language, words);
    };
    // Indexes are built after the load, as an import would: every expression index of the tables written
    // (the search's GIN indexes among them) is dropped first and created again from its own definition.
    const written = ['framework_versions', 'framework_timeline', 'framework_search_current', 'report_submissions', 'report_submitted_sections'];
    const indexes = await indexDefinitions(database, written);
    for (const i of indexes) await database.db.execute(sql.raw(`DROP INDEX ${i.name}`));
    // Framework: 5,000 elements, 5 versions each, effective dates spread from 2010 to 2026.
    const elements = Array.from({ length: size.elements }, (_, i) => ({ code: `gen-${i}`, kind: KINDS[i % KINDS.length]!, grouping: null, position: 1000 + i }));
    for (let i = 0; i < elements.length; i += 1000) await db.insert(frameworkElements).values(elements.slice(i, i + 1000));
    const versions: (typeof frameworkVersions.$inferInsert)[] = [];
    for (const e of elements) {
      let year = 2010 + Math.floor(rnd() * 8);
      // Each element in English and in one other language, in turn.
      const other = CORPUS_LANGUAGES[1 + (Number(e.code.slice(4)) % 5)]!;
      for (let v = 1; v <= size.versions; v++) {
        const elementTexts: ElementTexts = {
          en: { title: `Element ${e.code}: ${texts.paragraph('en', 4)}`, text: paragraph('en', 40), status: rnd() < 0.5 ? 'verbatim' : 'summary' },
          [other]: { title: `${e.code}: ${texts.paragraph(other, 4)}`, text: paragraph(other, 40), status: 'summary' },
        };
        versions.push({
          code: e.code,
          version: v,
          change: v === 1 ? 'added' : v === size.versions && rnd() < 0.1 ? 'superseded' : 'amended',
          effectiveOn: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          recordedAt: new Date(),
          recordedBy: null,
          texts: elementTexts,
          sourceSymbol: 'A/70/174',
          sourceParagraph: `${v}`,
          paragraphConfirmed: false,
          searchText: searchTextOf(elementTexts),
        });
        year += 1 + Math.floor(rnd() * 2);
      }
    }
    for (let i = 0; i < versions.length; i += 1000) await db.insert(frameworkVersions).values(versions.slice(i, i + 1000));

    // Reporting: 10 cycles, each with a full report from every Member State.
    const sections = buildQuestionnaire(await frameworkSnapshot(db, '2026-01-01')).filter((s) => !s.key.startsWith('norm:gen-') && !s.key.startsWith('cbm:gen-'));
    const questionnaireId = randomUUID();
    await db.insert(questionnaires).values({ id: questionnaireId, builtOn: '2026-01-01', sections, createdAt: new Date() });
    const members = (await db.select({ iso3: states.iso3 }).from(states)).map((s) => s.iso3).slice(0, 193);
    for (let c = 0; c < size.cycles; c++) {
      const cycleId = randomUUID();
      const year = 2017 + c;
      await db.insert(reportingCycles).values({
        id: cycleId,
        title: `Cycle ${year}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        openedOn: `${year}-01-01`,
        deadlineAt: new Date(`${year}-11-30T17:00:00Z`),
        deadlineZone: 'America/New_York',
        deadlineLocal: `${year}-11-30T12:00-05:00`,
        questionnaireId,
        createdBy: randomUUID(),
        createdAt: new Date(Date.UTC(year, 0, 1)),
      });
      const reports: (typeof nationalReports.$inferInsert)[] = [];
      const submissions: (typeof reportSubmissions.$inferInsert)[] = [];
      for (const [n, state] of members.entries()) {
        // A State writes in one language: English for most, the others in the shares of the UN's membership.
        const language = STATE_LANGUAGES[n % STATE_LANGUAGES.length]!;
        const reportId = randomUUID();
        const roll = rnd();
        const visibility: Visibility = roll < 0.7 ? 'public' : roll < 0.9 ? 'states' : 'secretariat';
        reports.push({ id: reportId, cycleId, state, visibility, createdBy: randomUUID(), createdAt: new Date() });
        submissions.push({
          id: randomUUID(),
          reportId,
          cycleId,
          state,
          number: 1,
          visibility,
          sections: sections.map((s) => ({
            key: s.key,
            visibility: rnd() < 0.1 ? 'secretariat' : visibility,
            answer: {
              status: IMPLEMENTATION_STATUSES[Math.floor(rnd() * IMPLEMENTATION_STATUSES.length)],
              measures: paragraph(language, 30),
              challenges: rnd() < 0.4 ? paragraph(language, 15) : undefined,
              needs: rnd() < 0.2 ? [{ description: paragraph(language, 10), codes: s.elements.slice(0, 1).map((e) => e.code) }] : undefined,
            },
          })),
          contentHash: randomUUID(),
          submittedBy: randomUUID(),
          submittedAt: new Date(Date.UTC(year, 10, 1)),
        });
      }
      await db.insert(nationalReports).values(reports);
      for (let i = 0; i < submissions.length; i += 50) await db.insert(reportSubmissions).values(submissions.slice(i, i + 50));
    }
    for (const i of indexes) await database.db.execute(sql.raw(i.definition));
    // What follows a bulk load: on PostgreSQL, autovacuum's VACUUM ANALYZE of the tables written (their
    // visibility maps set, so index-only scans read no table); PGlite has no autovacuum, so ANALYZE only.
    await database.db.execute(sql.raw(`${target.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${written.join(', ')}`));
    // Two signed-in readers of the analysis: a State's focal point (France) and the Secretariat.
    const cookies: Record<'state' | 'secretariat', string> = { state: '', secretariat: '' };
    for (const [who, role, state] of [['state', 'focal_point', 'FRA'], ['secretariat', 'secretariat', null]] as const) {
      const id = randomUUID();
      await db.insert(accounts).values({ id, email: `bench-${who}@poa.test`, name: `Bench ${who}`, status: 'active', state });
      await db.insert(accountRoles).values({ accountId: id, role });
      const session = await openSession(db, id, 'bench', { idleMinutes: 600, maxDays: 1 });
      cookies[who] = `poa_session=${session.token}`;
    }
    return { cookies, paragraphs };
  } finally {
    await database.close();
  }
}
