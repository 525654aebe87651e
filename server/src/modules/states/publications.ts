import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { Localized } from '../../kernel/languages.js';
import type { NATIONAL_PUBLICATION_KINDS } from './tables.js';
import { nationalPublications, nationalPublicationVersions } from './tables.js';

export type NationalPublicationKind = (typeof NATIONAL_PUBLICATION_KINDS)[number];

export interface PublicationVersionView {
  number: number;
  language: string;
  format: 'pdf' | 'docx' | 'odt';
  size: number;
  filename: string;
  note: string | null;
  uploadedAt: Date;
  url: string;
}

export interface NationalPublicationView {
  id: string;
  state: string;
  kind: NationalPublicationKind;
  title: Localized;
  publishedAt: Date;
  /** Every version, the newest first: none is ever removed. */
  versions: PublicationVersionView[];
}

const fileUrl = (state: string, id: string, number: number) => `/api/v1/states/${state}/publications/${id}/versions/${number}/file`;

/** A State's national publications in force (withdrawn ones leave the page), each with all its versions. */
export async function publicationsOfState(db: Executor, state: string): Promise<NationalPublicationView[]> {
  const rows = await db
    .select()
    .from(nationalPublications)
    .where(and(eq(nationalPublications.state, state), eq(nationalPublications.status, 'published')))
    .orderBy(asc(nationalPublications.kind), desc(nationalPublications.publishedAt));
  if (rows.length === 0) return [];
  const versions = await db
    .select()
    .from(nationalPublicationVersions)
    .where(inArray(nationalPublicationVersions.publicationId, rows.map((r) => r.id)))
    .orderBy(desc(nationalPublicationVersions.number));
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    kind: r.kind,
    title: r.title,
    publishedAt: r.publishedAt,
    versions: versions
      .filter((v) => v.publicationId === r.id)
      .map((v) => ({ number: v.number, language: v.language, format: v.format, size: v.size, filename: v.filename, note: v.note, uploadedAt: v.uploadedAt, url: fileUrl(r.state, r.id, v.number) })),
  }));
}

/** One national publication of a State in force, or 404 (a withdrawn one, or one of another State, is not found). */
export async function publicationOfState(db: Executor, state: string, id: string): Promise<NationalPublicationView> {
  const found = (await publicationsOfState(db, state)).find((p) => p.id === id);
  if (!found) throw notFound('The national publication');
  return found;
}

/** The stored file of one version of a publication in force. */
export async function publicationFile(db: Executor, state: string, id: string, number: number) {
  const [row] = await db
    .select({ storageKey: nationalPublicationVersions.storageKey, format: nationalPublicationVersions.format, filename: nationalPublicationVersions.filename })
    .from(nationalPublicationVersions)
    .innerJoin(nationalPublications, eq(nationalPublications.id, nationalPublicationVersions.publicationId))
    .where(and(eq(nationalPublications.id, id), eq(nationalPublications.state, state), eq(nationalPublications.status, 'published'), eq(nationalPublicationVersions.number, number)));
  if (!row) throw notFound(`Version ${number} of the national publication`);
  return row;
}
