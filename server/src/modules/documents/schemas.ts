import { z } from 'zod';
import { LANGUAGES } from '../states/index.js';
import { FILE_FORMATS } from './file-types.js';
import { localizedSchema } from './localized.js';
import { DOCUMENT_TYPES, SERIES } from './symbols.js';

/** Schemas other modules reuse when their responses carry documents. */
export const LanguageSchema = z.enum(LANGUAGES);
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a date as YYYY-MM-DD');
export const LocalizedSchema = localizedSchema(500);
export const LocalizedOut = z.object({
  ar: z.string().optional(),
  zh: z.string().optional(),
  en: z.string(),
  fr: z.string().optional(),
  ru: z.string().optional(),
  es: z.string().optional(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  series: z.enum(SERIES),
  title: LocalizedOut,
  date: z.string(),
  meetingId: z.string().nullable(),
  agendaItem: z.string().nullable(),
  groupId: z.string().nullable(),
  createdAt: z.date(),
  files: z.array(
    z.object({
      language: LanguageSchema,
      version: z.number().int(),
      format: z.enum(FILE_FORMATS),
      size: z.number().int(),
      filename: z.string(),
      uploadedAt: z.date(),
      url: z.string(),
    }),
  ),
  languages: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.boolean()])) as Record<(typeof LANGUAGES)[number], z.ZodBoolean>),
});

/** What issuing a document takes, wherever it is issued from. */
export const IssueDocumentBody = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    title: LocalizedSchema,
    date: CalendarDateSchema.optional(),
    symbol: z.string().trim().min(2).max(80).optional().describe('Given by hand; numbered in its series when left out'),
  })
  .strict();
