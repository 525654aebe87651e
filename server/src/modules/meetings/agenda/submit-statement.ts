import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Actor } from '../../../kernel/actor.js';
import { authorize } from '../../../platform/http/policy.js';
import { badRequest, conflict, notFound } from '../../../platform/http/problem.js';
import type { StoredFile } from '../../documents/index.js';
import { flattenAgenda } from './agenda.js';
import type { Delegation } from '../registration/delegations.js';
import { meetingsPolicy } from '../policy.js';
import { currentAgenda, meetingRow } from '../reading.js';
import { checkOrganisationMayAttend, delegationName, delegationOf } from '../registration/register-delegation.js';
import { statements } from '../tables.js';
import type { Language } from '../../../kernel/languages.js';

export interface StatementView {
  id: string;
  meetingId: string;
  agendaItem: { key: string; number: string | null };
  delegation: Delegation;
  delegationName: string;
  language: Language;
  title: string | null;
  text: string | null;
  file: { format: string; size: number; filename: string; url: string } | null;
  submittedAt: Date;
}

type StatementRow = typeof statements.$inferSelect;

async function toView(db: Executor, r: StatementRow, numbers: Map<string, string>): Promise<StatementView> {
  const delegation = delegationOf(r);
  return {
    id: r.id,
    meetingId: r.meetingId,
    agendaItem: { key: r.agendaItem, number: numbers.get(r.agendaItem) ?? null },
    delegation,
    delegationName: await delegationName(db, delegation).catch(() => 'Unknown'),
    language: r.language as Language,
    title: r.title,
    text: r.text,
    file: r.fileKey
      ? { format: r.fileFormat!, size: r.fileSize!, filename: r.fileName!, url: `/api/v1/meetings/${r.meetingId}/statements/${r.id}/file` }
      : null,
    submittedAt: r.submittedAt,
  };
}

/**
 * A delegation submits its statement on an agenda item: a text, a file (checked by its bytes), or
 * both, in one language. Public once the Secretariat publishes the meeting's statements.
 */
export async function submitStatement(
  db: Db,
  input: { actor: Actor; meetingId: string; delegation: Delegation; agendaItem: string; language: Language; title?: string | undefined; text?: string | undefined; file?: StoredFile | undefined },
): Promise<StatementView> {
  authorize(input.actor, meetingsPolicy.submitStatement, input.delegation);
  const meeting = await meetingRow(db, input.meetingId);
  if (input.delegation.kind === 'organisation') await checkOrganisationMayAttend(db, meeting, input.delegation.organisationId);
  else await delegationName(db, input.delegation);
  if (!input.text && !input.file) throw badRequest('A statement has a text or a file.', [{ field: 'body.text', message: 'required when no file is sent' }]);
  const agenda = await currentAgenda(db, meeting.id);
  if (!agenda) throw conflict('This meeting has no agenda yet: statements are made on its items.', 'no-agenda');
  const numbers = new Map(flattenAgenda(agenda.items).map((i) => [i.key, i.number]));
  const where = input.file ? 'query.agendaItem' : 'body.agendaItem';
  if (!numbers.has(input.agendaItem)) throw badRequest('No such item on the agenda.', [{ field: where, message: 'not an item of the agenda' }]);
  const row: StatementRow = {
    id: randomUUID(),
    meetingId: meeting.id,
    agendaItem: input.agendaItem,
    delegationKind: input.delegation.kind,
    state: input.delegation.kind === 'state' ? input.delegation.state : null,
    organisationId: input.delegation.kind === 'organisation' ? input.delegation.organisationId : null,
    language: input.language,
    title: input.title ?? null,
    text: input.text ?? null,
    fileFormat: input.file?.format ?? null,
    fileKey: input.file?.storageKey ?? null,
    fileSha256: input.file?.sha256 ?? null,
    fileSize: input.file?.size ?? null,
    fileName: input.file?.filename ?? null,
    submittedAt: new Date(),
    submittedBy: input.actor.accountId,
  };
  await db.transaction(async (tx) => {
    await tx.insert(statements).values(row);
    const { submittedBy: _b, fileKey: _k, ...facts } = row;
    await recordAudit(tx, { actor: input.actor, action: 'meetings.submit-statement', subjectType: 'statement', subjectId: row.id, change: facts });
  });
  return toView(db, row, numbers);
}

/**
 * The statements of a meeting the caller may read, States' apart from stakeholders': all of them once
 * published; before, the Secretariat's and each delegation's own.
 */
export async function listStatements(db: Executor, input: { actor: Actor | null; meetingId: string; agendaItem?: string | undefined }) {
  const meeting = await meetingRow(db, input.meetingId);
  const published = meeting.statementsPublishedAt !== null;
  const rows = await db
    .select()
    .from(statements)
    .where(and(eq(statements.meetingId, meeting.id), input.agendaItem ? eq(statements.agendaItem, input.agendaItem) : undefined))
    .orderBy(asc(statements.submittedAt));
  const agenda = await currentAgenda(db, meeting.id);
  const numbers = new Map(agenda ? flattenAgenda(agenda.items).map((i) => [i.key, i.number]) : []);
  const visible = rows.filter((r) => meetingsPolicy.readStatement.allows(input.actor, { published, delegation: delegationOf(r) }));
  const views = await Promise.all(visible.map((r) => toView(db, r, numbers)));
  return { published, states: views.filter((v) => v.delegation.kind === 'state'), stakeholders: views.filter((v) => v.delegation.kind === 'organisation') };
}

/** A statement's file, if the caller may read the statement. */
export async function statementFile(db: Executor, input: { actor: Actor | null; meetingId: string; statementId: string }) {
  const meeting = await meetingRow(db, input.meetingId);
  const [row] = await db.select().from(statements).where(and(eq(statements.id, input.statementId), eq(statements.meetingId, meeting.id)));
  if (!row) throw notFound('The statement');
  authorize(input.actor, meetingsPolicy.readStatement, { published: meeting.statementsPublishedAt !== null, delegation: delegationOf(row) });
  if (!row.fileKey) throw notFound('A file of this statement');
  return { storageKey: row.fileKey, format: row.fileFormat!, filename: row.fileName! };
}
