import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A non-governmental stakeholder or an intergovernmental/regional organisation. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['ngo', 'academia', 'private_sector', 'technical_community', 'intergovernmental', 'regional'] }).notNull(),
  /** Accreditation on a non-objection basis: applied, accredited, or not accredited after an objection. */
  accreditation: text('accreditation', { enum: ['applied', 'accredited', 'objected'] }).notNull().default('applied'),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
