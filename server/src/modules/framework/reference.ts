import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { canonicalJson } from '../../platform/audit/canonical.js';
import { referenceFolder } from '../../platform/reference-folder.js';
import { ELEMENT_KINDS, searchTextOf, type ElementTexts } from './elements.js';
import { frameworkElements, frameworkRelations, frameworkVersions, sourceDocuments } from './tables.js';

const ReferenceFramework = z.object({
  sourceDocuments: z.array(
    z.object({
      symbol: z.string(),
      title: z.string(),
      body: z.string(),
      adopted: z.string().optional(),
      issued: z.string().optional(),
      endorsedBy: z.string().optional(),
    }),
  ),
  elements: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ELEMENT_KINDS),
      group: z.string().optional(),
      title: z.string(),
      text: z.string(),
      textStatus: z.enum(['verbatim', 'summary']),
      fragment: z.boolean().optional(),
      source: z.object({
        symbol: z.string(),
        paragraph: z.string().nullable().optional(),
        paragraphConfirmed: z.boolean(),
        alsoIn: z.array(z.string()).optional(),
        endorsedBy: z.string().optional(),
      }),
    }),
  ),
});

const Relations = z.object({
  relations: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['implements', 'guidance-on', 'answers', 'related']) })),
});

const referenceFile = path.join(referenceFolder, 'framework.json');
const relationsFile = path.join(referenceFolder, 'framework-relations.json');

/**
 * Loads the framework's reference texts with their sources. Idempotent: a new element gets its first
 * version; an element whose reference text changed gets a new version (never an edit in place), unless
 * the Secretariat has recorded a text since; everything it writes is on the audit chain.
 */
export async function loadFrameworkReference(db: Db): Promise<{ added: number; revised: number }> {
  const data = ReferenceFramework.parse(JSON.parse(fs.readFileSync(referenceFile, 'utf8')));
  const relations = Relations.parse(JSON.parse(fs.readFileSync(relationsFile, 'utf8'))).relations;
  const dates = new Map<string, string>();
  return db.transaction(async (tx) => {
    // A start on a database already set up reads what is there in a few queries and writes nothing.
    const knownDocuments = new Set((await tx.select({ symbol: sourceDocuments.symbol }).from(sourceDocuments)).map((r) => r.symbol));
    const newDocuments: (typeof sourceDocuments.$inferInsert)[] = [];
    for (const d of data.sourceDocuments) {
      const date = d.adopted ?? d.issued;
      if (!date) throw new Error(`Source document ${d.symbol} has no date`);
      dates.set(d.symbol, date);
      const row = { symbol: d.symbol, title: d.title, body: d.body, date, dateKind: d.adopted ? ('adopted' as const) : ('issued' as const), endorsedBy: d.endorsedBy ?? null };
      if (!knownDocuments.has(d.symbol)) newDocuments.push(row);
    }
    if (newDocuments.length > 0) await tx.insert(sourceDocuments).values(newDocuments).onConflictDoNothing();
    const existing = new Set((await tx.select({ code: frameworkElements.code }).from(frameworkElements)).map((r) => r.code));
    // The latest version of every reference element already there, in one query.
    const latestOf = new Map<string, typeof frameworkVersions.$inferSelect>();
    const codes = data.elements.map((e) => e.id).filter((c) => existing.has(c));
    if (codes.length > 0) {
      const rows = await tx
        .selectDistinctOn([frameworkVersions.code])
        .from(frameworkVersions)
        .where(inArray(frameworkVersions.code, codes))
        .orderBy(frameworkVersions.code, desc(frameworkVersions.version));
      for (const r of rows) latestOf.set(r.code, r);
    }
    const positions = new Map<string, number>();
    let added = 0;
    let revised = 0;
    const now = new Date();
    for (const e of data.elements) {
      const position = (positions.get(e.kind) ?? 0) + 1;
      positions.set(e.kind, position);
      const effectiveOn = dates.get(e.source.symbol);
      if (!effectiveOn) throw new Error(`Element ${e.id} cites ${e.source.symbol}, which is not a source document`);
      const texts: ElementTexts = { en: { title: e.title, text: e.text, status: e.textStatus } };
      const version = {
        code: e.id,
        effectiveOn,
        recordedAt: now,
        recordedBy: null,
        texts,
        sourceSymbol: e.source.symbol,
        sourceParagraph: e.source.paragraph ?? null,
        paragraphConfirmed: e.source.paragraphConfirmed,
        alsoIn: e.source.alsoIn ?? [],
        fragment: e.fragment ?? false,
        searchText: searchTextOf(texts),
      };
      if (!existing.has(e.id)) {
        await tx.insert(frameworkElements).values({ code: e.id, kind: e.kind, grouping: e.group ?? null, position });
        await tx.insert(frameworkVersions).values({ ...version, version: 1, change: 'added' });
        added++;
        continue;
      }
      const latest = latestOf.get(e.id);
      if (!latest || latest.recordedBy !== null) continue; // the Secretariat's record stands
      const same =
        canonicalJson(latest.texts.en) === canonicalJson(texts.en) &&
        latest.sourceSymbol === version.sourceSymbol &&
        latest.sourceParagraph === version.sourceParagraph &&
        latest.paragraphConfirmed === version.paragraphConfirmed &&
        latest.fragment === version.fragment &&
        JSON.stringify(latest.alsoIn) === JSON.stringify(version.alsoIn);
      if (same) continue;
      const merged: ElementTexts = { ...latest.texts, en: texts.en };
      await tx.insert(frameworkVersions).values({
        ...version,
        texts: merged,
        searchText: searchTextOf(merged),
        version: latest.version + 1,
        change: 'text-recorded',
        note: 'Reference data updated',
      });
      revised++;
    }
    const relationKey = (from: string, to: string, kind: string) => `${from}\u0000${to}\u0000${kind}`;
    const knownRelations = new Set(
      (await tx.select({ from: frameworkRelations.fromCode, to: frameworkRelations.toCode, kind: frameworkRelations.kind }).from(frameworkRelations)).map((r) =>
        relationKey(r.from, r.to, r.kind),
      ),
    );
    const newRelations = relations
      .filter((r) => !knownRelations.has(relationKey(r.from, r.to, r.kind)))
      .map((r) => ({ fromCode: r.from, toCode: r.to, kind: r.kind, sourceSymbol: null, note: 'Editorial link' }));
    if (newRelations.length > 0) await tx.insert(frameworkRelations).values(newRelations).onConflictDoNothing();
    if (added + revised > 0) {
      const versions = await tx
        .select({ code: frameworkVersions.code, version: frameworkVersions.version, texts: frameworkVersions.texts, source: frameworkVersions.sourceSymbol })
        .from(frameworkVersions)
        .where(and(eq(frameworkVersions.recordedAt, now)))
        .orderBy(frameworkVersions.code);
      await recordAudit(tx, {
        actor: null,
        action: 'framework.load-reference',
        subjectType: 'reference-data',
        subjectId: 'framework',
        change: versions,
        details: { added, revised, elements: versions.map((v) => `${v.code}@${v.version}`) },
      });
    }
    return { added, revised };
  });
}
