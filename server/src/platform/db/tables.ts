import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One row per dataset that public reads cache (the States, the framework, the submitted reports): its
 * version, bumped by a statement trigger on the dataset's tables in the writing transaction, which also
 * NOTIFYs `data_versions` with `dataset:version`. Every process LISTENs, so a cache knows it is fresh
 * without asking the database on each request (see `data-versions.ts` and drizzle/0021).
 */
export const dataVersions = pgTable('data_versions', {
  dataset: text('dataset').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
