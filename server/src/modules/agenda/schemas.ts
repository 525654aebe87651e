import { z } from 'zod';
import { LANGUAGES, LocalizedOut } from '../../kernel/languages.js';
import { ITEM_ACTIONS, ITEM_KINDS } from './items.js';

/** The response of "My PoA". */
export const AgendaItemOut = z.object({
  key: z.string(),
  kind: z.enum(ITEM_KINDS),
  title: LocalizedOut,
  /** An instant, with the time zone it was set in; null when nothing is due (a changed draft, an amendment). */
  deadline: z.object({ at: z.date(), zone: z.string() }).nullable(),
  /** The web app's path, without its language. */
  link: z.string(),
  action: z.enum(ITEM_ACTIONS),
  detail: z.object({
    revisionLabel: z.string().optional(),
    status: z.string().optional(),
    sectionsLeft: z.number().int().optional(),
    sectionsTotal: z.number().int().optional(),
    state: z.string().optional(),
    delegationName: z.string().optional(),
    changedAt: z.date().optional(),
    meetingTitle: LocalizedOut.optional(),
    missingLanguages: z.array(z.enum(LANGUAGES)).optional(),
  }),
});

export const AgendaOut = z.object({
  items: z.array(AgendaItemOut),
  /** The kinds of item this person is shown (their roles'), so an empty list says what was looked for. */
  kinds: z.array(z.enum(ITEM_KINDS)),
});
