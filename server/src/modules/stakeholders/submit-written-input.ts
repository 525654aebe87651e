import { randomUUID } from 'node:crypto';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, Problem } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { organisationRow } from './applications.js';
import { groupOpenToStakeholders, meetingOpenToStakeholders } from './participation.js';
import { organisationFacts, writtenInputView } from './reading.js';
import { stakeholdersPolicy } from './policy.js';
import { writtenInputs } from './tables.js';

export interface WrittenInput {
  actor: Actor;
  organisationId: string;
  meetingId?: string | undefined;
  agendaItem?: string | undefined;
  groupId?: string | undefined;
  title: string;
  language: Language;
  text?: string | undefined;
  pdf?: { name: string; base64: string } | undefined;
}

/**
 * A representative of an accredited organisation submits a written input to a meeting (or an item of
 * its agenda) or to a working group: text, a PDF, or both. It is public at once, on the page it
 * concerns, in the stakeholder section — as the form tells the representative before submitting.
 */
export async function submitWrittenInput(ctx: PlatformContext, input: WrittenInput) {
  const db = ctx.database.db;
  const org = await organisationRow(db, input.organisationId);
  authorize(input.actor, stakeholdersPolicy.represent, organisationFacts(org));
  if (!!input.meetingId === !!input.groupId) throw badRequest('Give a meeting or a working group, not both.', [{ field: 'body.meetingId', message: 'a meeting or a working group' }]);
  if (input.agendaItem && !input.meetingId) throw badRequest('An agenda item belongs to a meeting.', [{ field: 'body.agendaItem', message: 'give the meeting' }]);
  if (!input.text && !input.pdf) throw badRequest('Give the text, a PDF, or both.', [{ field: 'body.text', message: 'text or a PDF' }]);
  let pdf: Buffer | null = null;
  if (input.pdf) {
    pdf = Buffer.from(input.pdf.base64, 'base64');
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw badRequest('The file is not a PDF.', [{ field: 'body.pdf.base64', message: 'not a PDF' }]);
    if (pdf.length > ctx.config.uploadLimitBytes) throw new Problem(413, 'too-large', 'Payload too large', 'The file is too large.');
  }
  if (input.meetingId) await meetingOpenToStakeholders(db, input.meetingId, input.agendaItem);
  if (input.groupId) await groupOpenToStakeholders(db, input.groupId);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(writtenInputs)
      .values({
        id,
        organisationId: org.id,
        meetingId: input.meetingId ?? null,
        agendaItem: input.agendaItem ?? null,
        groupId: input.groupId ?? null,
        title: input.title,
        language: input.language,
        text: input.text ?? null,
        pdf: pdf ? pdf.toString('base64') : null,
        pdfName: input.pdf?.name ?? null,
        submittedBy: input.actor.accountId,
        submittedAt: new Date(),
      })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'stakeholders.submit-written-input',
      subjectType: 'stakeholder-input',
      subjectId: id,
      change: { organisationId: org.id, meetingId: input.meetingId ?? null, agendaItem: input.agendaItem ?? null, groupId: input.groupId ?? null, title: input.title, language: input.language, text: input.text ?? null, pdf: input.pdf ? { name: input.pdf.name, bytes: pdf!.length } : null },
    });
    return writtenInputView(tx, row!);
  });
}
