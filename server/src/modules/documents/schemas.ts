import { z } from 'zod';
import { CalendarDate } from '../../kernel/calendar-date.js';
import { LANGUAGES, LanguageSchema, LocalizedOut, LocalizedSchema } from '../../kernel/languages.js';
import { FILE_FORMATS } from './file-types.js';
import { DOCUMENT_TYPES, SERIES } from './symbols.js';

/** Schemas other modules reuse when their responses carry documents. */
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
    date: CalendarDate.optional(),
    symbol: z.string().trim().min(2).max(80).optional().describe('Given by hand; numbered in its series when left out'),
  })
  .strict();
