import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { testDatabase } from './support/platform.js';
import type { Database } from '../src/platform/db/database.js';
import { cycleSections, SECTIONS_KEPT } from '../src/modules/reporting/reading.js';
import type { QuestionnaireSection } from '../src/modules/reporting/questionnaire.js';
import { questionnaires, reportingCycles } from '../src/modules/reporting/tables.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await testDatabase());
});
afterAll(() => drop());

const section = (key: string, part: string) => ({ key, part, title: key }) as unknown as QuestionnaireSection;

async function questionnaire(sections: QuestionnaireSection[]): Promise<string> {
  const id = randomUUID();
  await database.db.insert(questionnaires).values({ id, builtOn: '2026-01-01', sections, createdAt: new Date() });
  return id;
}

async function cycle(questionnaireId: string, id: string = randomUUID()): Promise<string> {
  await database.db.insert(reportingCycles).values({
    id,
    title: `Cycle ${id.slice(0, 8)}`,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    openedOn: '2026-01-01',
    deadlineAt: new Date(Date.now() + 86_400_000),
    deadlineZone: 'UTC',
    deadlineLocal: '2030-01-01T00:00+00:00',
    questionnaireId,
    createdBy: randomUUID(),
    createdAt: new Date(),
  });
  return id;
}

describe("a cycle's sections, kept once read", () => {
  it('never keeps a failed read: a cycle not found is read again once it exists', async () => {
    const id = randomUUID();
    await expect(cycleSections(database.db, id)).rejects.toMatchObject({ status: 404 });
    await cycle(await questionnaire([section('international-law', 'norms'), section('cbm:global-cbm-1', 'cbms')]), id);
    expect(await cycleSections(database.db, id)).toEqual([
      { key: 'international-law', part: 'norms' },
      { key: 'cbm:global-cbm-1', part: 'cbms' },
    ]);
  });

  it(`keeps ${SECTIONS_KEPT} cycles at most: the one read longest ago is read again from the database`, async () => {
    const first = await questionnaire([section('norm:norm-13a', 'norms')]);
    const id = await cycle(first);
    expect(await cycleSections(database.db, id)).toEqual([{ key: 'norm:norm-13a', part: 'norms' }]);
    // Never done by the platform (a questionnaire is never changed): it shows here whether the list was read again.
    await database.db.update(questionnaires).set({ sections: [section('norm:norm-13b', 'norms')] }).where(eq(questionnaires.id, first));
    expect(await cycleSections(database.db, id)).toEqual([{ key: 'norm:norm-13a', part: 'norms' }]);
    const other = await questionnaire([section('contacts', 'other')]);
    for (let i = 0; i < SECTIONS_KEPT; i++) await cycleSections(database.db, await cycle(other));
    expect(await cycleSections(database.db, id)).toEqual([{ key: 'norm:norm-13b', part: 'norms' }]);
  });
});
