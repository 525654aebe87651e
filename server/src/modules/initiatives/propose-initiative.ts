import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import { isSecretariat, type Actor } from '../../kernel/actor.js';
import { allTexts } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';
import { existingElementCodes } from '../framework/index.js';
import { listStates } from '../states/index.js';
import { initiativesPolicy } from './policy.js';
import type { InitiativeInput } from './schemas.js';
import { initiativeElements, initiatives } from './tables.js';
import { proposerFacts, type InitiativeRow } from './reading.js';

/** What the registry's search matches: names and owners in every language. */
export const searchTextOf = (i: Pick<InitiativeInput, 'name' | 'owner' | 'summary'>) =>
  fold([...allTexts(i.name), ...allTexts(i.owner), ...(i.summary ? allTexts(i.summary) : [])].join('\n'));

/** The codes of the elements it serves and of the States taking part, once each, sorted; unknown States refused. */
export async function checkedFields(db: Db, input: Pick<InitiativeInput, 'elements' | 'states'>): Promise<{ elements: string[]; states: string[] }> {
  const elements = [...new Set(input.elements)].sort();
  const states = [...new Set(input.states)].sort();
  const known = new Set((await listStates(db, {})).map((s) => s.iso3));
  const unknownStates = states.filter((s) => !known.has(s));
  if (unknownStates.length) throw badRequest('Some States are not known.', unknownStates.map((s) => ({ field: 'body.states', message: `${s} is not a known State` })));
  return { elements, states };
}

/** Framework codes must name existing elements (read in the writing transaction). */
export async function checkElements(tx: Tx, elements: string[]): Promise<void> {
  const existing = await existingElementCodes(tx, elements);
  const unknownCodes = elements.filter((c) => !existing.has(c));
  if (unknownCodes.length) throw badRequest('Some framework elements are not known.', unknownCodes.map((c) => ({ field: 'body.elements', message: `${c} is not a framework element` })));
}

/**
 * A State (its focal point), an organisation (its representative) or the Secretariat proposes an
 * initiative for the registry; it stays private to the proposer and the Secretariat until published.
 * Framework codes must name existing elements, and States existing States.
 */
export async function proposeInitiative(db: Db, input: InitiativeInput & { actor: Actor }): Promise<InitiativeRow> {
  const { actor } = input;
  authorize(actor, initiativesPolicy.propose, await proposerFacts(db, actor));
  const { elements, states } = await checkedFields(db, input);
  return db.transaction(async (tx) => {
    await checkElements(tx, elements);
    const now = new Date();
    const row: InitiativeRow = {
      id: randomUUID(),
      name: input.name,
      owner: input.owner,
      kind: input.kind,
      summary: input.summary ?? null,
      states,
      contact: input.contact ?? null,
      links: input.links,
      status: 'proposed',
      declineReason: null,
      proposedBy: actor.accountId,
      proposerState: isSecretariat(actor) ? null : actor.state,
      proposerOrganisation: isSecretariat(actor) ? null : actor.organisation,
      searchText: searchTextOf(input),
      version: 1,
      createdAt: now,
      updatedAt: now,
      decidedAt: null,
    };
    await tx.insert(initiatives).values(row);
    if (elements.length) await tx.insert(initiativeElements).values(elements.map((code) => ({ initiativeId: row.id, code })));
    const { searchText: _s, createdAt: _c, updatedAt: _u, ...facts } = row;
    await recordAudit(tx, { actor, action: 'initiatives.propose', subjectType: 'initiative', subjectId: row.id, change: { ...facts, elements } });
    return row;
  });
}
