import { randomUUID } from 'node:crypto';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { badRequest } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { addStep, newTrackingToken } from './applications.js';
import { applicationReceived, trackingLink } from './mail-texts.js';
import { applications, organisations, type ApplicationContact, type ApplicationRepresentative, type OrganisationNames } from './tables.js';

export interface ApplicationInput {
  actor: Actor | null;
  names: OrganisationNames;
  kind: (typeof organisations.kind.enumValues)[number];
  headquarters: string;
  website: string;
  purpose: string;
  relevantWork: string;
  ecosoc: { status: 'general' | 'special' | 'roster'; since: number } | null;
  contact: ApplicationContact;
  representatives: ApplicationRepresentative[];
  language: Language;
}

/** The name shown where one is needed: the English one, else the one in the language of the application, else any. */
export const displayName = (names: OrganisationNames, language: Language): string =>
  names.en ?? names[language] ?? Object.values(names).find((n): n is string => !!n)!;

/**
 * An organisation applies: the organisation is recorded as applying, its application as submitted,
 * and the contact is emailed, in the language of the application, the private link to follow it.
 * The link's token is kept only as a digest.
 */
export async function submitApplication(ctx: PlatformContext, input: ApplicationInput): Promise<{ id: string; organisationId: string; trackingLink: string }> {
  const db = ctx.database.db;
  try {
    await getState(db, input.headquarters);
  } catch {
    throw badRequest('The country of the headquarters is not known.', [{ field: 'body.headquarters', message: 'not a known State' }]);
  }
  const name = displayName(input.names, input.language);
  return db.transaction(async (tx) => {
    const organisationId = randomUUID();
    const id = randomUUID();
    const now = new Date();
    const { token, hash } = newTrackingToken();
    await tx.insert(organisations).values({
      id: organisationId,
      name,
      names: input.names,
      kind: input.kind,
      accreditation: 'applied',
      website: input.website,
      headquarters: input.headquarters,
      ecosocStatus: input.ecosoc?.status ?? null,
      ecosocSince: input.ecosoc?.since ?? null,
    });
    await tx.insert(applications).values({
      id,
      organisationId,
      language: input.language,
      purpose: input.purpose,
      relevantWork: input.relevantWork,
      contact: input.contact,
      representatives: input.representatives,
      status: 'submitted',
      trackingTokenHash: hash,
      submittedAt: now,
    });
    await addStep(tx, id, 'submitted', null, now);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'stakeholders.apply',
      subjectType: 'stakeholder-application',
      subjectId: id,
      change: {
        organisationId,
        names: input.names,
        kind: input.kind,
        headquarters: input.headquarters,
        website: input.website,
        purpose: input.purpose,
        relevantWork: input.relevantWork,
        ecosoc: input.ecosoc,
        contact: input.contact,
        representatives: input.representatives,
        language: input.language,
      },
    });
    const link = trackingLink(ctx.config.publicUrl, input.language, token);
    const mail = applicationReceived(input.language, name, link);
    await queueMail(tx, [{ to: input.contact.email, subject: mail.subject, text: `${input.contact.name},\n\n${mail.text}\n` }]);
    return { id, organisationId, trackingLink: link };
  });
}
