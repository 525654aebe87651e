import { DateTime } from 'luxon';
import type { Executor } from '../../platform/db/database.js';
import { Problem } from '../../platform/http/problem.js';
import type { Language } from '../../kernel/languages.js';
import { outcomeWithRecord } from '../decisions/index.js';
import { meetingRoll } from '../meetings/index.js';
import { outcomeAkn } from './akn.js';

/** Outcomes are negotiated and adopted in English; translations are issued as official documents. */
const OUTCOME_LANGUAGES: readonly Language[] = ['en'];

/**
 * An adopted outcome as Akoma Ntoso, in a language it exists in. Its date is the adoption's date
 * where it was adopted: the meeting's zone, or the zone the silence procedure's deadline was set in.
 * An adopted outcome is public; the meeting it was adopted in may not be (a draft the public does not
 * see): only the meeting's zone is asked (the meetings module's floor, which other modules may ask
 * whatever the meeting's state), and nothing else of the meeting goes into the document, so the
 * document is the same for everyone and never fails for a meeting the public may not see.
 */
export async function outcomeInAkn(db: Executor, input: { id: string; language: Language; publicUrl: string }): Promise<string> {
  const o = await outcomeWithRecord(db, { id: input.id });
  if (!OUTCOME_LANGUAGES.includes(input.language)) {
    throw new Problem(404, 'language-not-available', 'Not in this language', `The outcome ${o.symbol} exists in: ${OUTCOME_LANGUAGES.join(', ')}.`, { languages: OUTCOME_LANGUAGES });
  }
  const zone =
    o.adoptedVia === 'meeting' && o.meetingId
      ? ((await meetingRoll.floor(db, o.meetingId))?.timeZone ?? 'UTC')
      : (o.silenceProcedures.find((p) => p.status === 'adopted')?.deadlineZone ?? 'UTC');
  return outcomeAkn(
    {
      symbol: o.symbol,
      kind: o.kind,
      title: o.title,
      language: input.language,
      adoptedOn: DateTime.fromJSDate(o.adoptedAt, { zone }).toISODate()!,
      adoptedVia: o.adoptedVia,
      paragraphs: o.paragraphs,
      contentHash: o.contentHash,
      url: `${input.publicUrl}/${input.language}/outcomes/${o.id}`,
    },
    DateTime.utc().toISODate()!,
  );
}
