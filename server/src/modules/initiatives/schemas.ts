import { z } from 'zod';
import { LocalizedOut, localizedSchema, LocalizedSchema } from '../../kernel/languages.js';
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from './tables.js';

const Iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((s) => s.toUpperCase());
const ElementCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a framework element code');
const Url = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http or https address');

export const InitiativeBody = z
  .object({
    name: LocalizedSchema,
    owner: LocalizedSchema,
    kind: z.enum(INITIATIVE_KINDS),
    summary: localizedSchema(3000).nullable().optional(),
    elements: z.array(ElementCode).max(100).default([]).describe('Codes of the framework elements it serves'),
    states: z.array(Iso3).max(200).default([]).describe('States taking part'),
    contact: z.string().trim().min(1).max(500).nullable().optional(),
    links: z
      .array(z.object({ label: z.string().trim().min(1).max(200), url: Url }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type InitiativeInput = z.infer<typeof InitiativeBody>;

export const DeclineBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const InitiativeQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(INITIATIVE_KINDS).optional(),
    element: ElementCode.optional(),
    state: Iso3.optional(),
    status: z.enum(INITIATIVE_STATUSES).optional().describe('Only what the caller may see: the public sees published initiatives alone'),
  })
  .strict();
export type InitiativeFilter = z.infer<typeof InitiativeQuery>;

export const InitiativeSchema = z.object({
  id: z.string(),
  name: LocalizedOut,
  owner: LocalizedOut,
  kind: z.enum(INITIATIVE_KINDS),
  summary: LocalizedOut.nullable(),
  elements: z.array(z.string()),
  states: z.array(z.string()),
  contact: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  status: z.enum(INITIATIVE_STATUSES),
  declineReason: z.string().nullable().describe('Shown to the proposer and the Secretariat'),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  version: z.number().int().describe('The version an edit names in If-Match (also the ETag)'),
  can: z.object({ publish: z.boolean(), decline: z.boolean(), edit: z.boolean() }),
});

export const ElementCodeParams = z.object({ code: ElementCode }).strict();
export const InitiativeParams = z.object({ id: z.string().uuid('an initiative id') }).strict();
