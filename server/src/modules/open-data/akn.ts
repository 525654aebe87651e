import { create } from 'xmlbuilder2';
import type { Language } from '../../kernel/languages.js';

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** ISO 639-2 codes, which Akoma Ntoso's FRBR URIs use for an expression's language. */
const ISO_639_2: Record<Language, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

/** What an adopted outcome contributes to its Akoma Ntoso document. */
export interface AknOutcome {
  symbol: string;
  kind: 'decision' | 'recommendation' | 'framework-change';
  title: string;
  /** The language the text is in. */
  language: Language;
  /** The adoption date, in the zone where it was adopted (`YYYY-MM-DD`). */
  adoptedOn: string;
  adoptedVia: 'meeting' | 'silence';
  paragraphs: { key: string; kind: 'preambular' | 'operative'; text: string }[];
  /** SHA-256 of the frozen text, as recorded on the audit chain. */
  contentHash: string;
  /** Where this platform publishes the outcome (the work's page). */
  url: string;
}

/** `2027/DEC/3` → `2027-DEC-3`: a FRBR URI component may not hold a slash. */
const uriSafe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-');

/**
 * An adopted outcome as an Akoma Ntoso 3.0 `statement` (the document type the UN's AKN4UN profile
 * uses for resolutions and decisions): FRBR identification of the work, its expression in the
 * outcome's language and this XML manifestation; the preamble's paragraphs as `p`, the operative
 * ones as numbered `paragraph`s, each with an `eId` from its place (PP1, OP1, as on the platform's
 * pages) so a citation can point at it. The content hash goes with it, so a reader can check the text
 * against the platform's record. Valid against `reference/akn/akomantoso30.xsd` (tested with xmllint).
 */
export function outcomeAkn(o: AknOutcome, generatedOn: string): string {
  const name = o.kind === 'framework-change' ? 'decision' : o.kind;
  const work = `/akn/un/statement/${name}/poa-ict/${o.adoptedOn}/${uriSafe(o.symbol)}`;
  const expression = `${work}/${ISO_639_2[o.language]}@`;
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(AKN_NAMESPACE, 'akomaNtoso')
    .ele('statement', { name, contains: 'originalVersion' });

  const meta = doc.ele('meta');
  const id = meta.ele('identification', { source: '#secretariat' });
  const w = id.ele('FRBRWork');
  w.ele('FRBRthis', { value: `${work}/!main` });
  w.ele('FRBRuri', { value: work });
  w.ele('FRBRalias', { value: o.symbol, name: 'symbol' });
  w.ele('FRBRdate', { date: o.adoptedOn, name: 'adoption' });
  w.ele('FRBRauthor', { href: '#poa' });
  w.ele('FRBRcountry', { value: 'un' });
  w.ele('FRBRnumber', { value: o.symbol });
  w.ele('FRBRname', { value: name });
  const e = id.ele('FRBRExpression');
  e.ele('FRBRthis', { value: `${expression}/!main` });
  e.ele('FRBRuri', { value: expression });
  e.ele('FRBRdate', { date: o.adoptedOn, name: 'adoption' });
  e.ele('FRBRauthor', { href: '#poa' });
  e.ele('FRBRlanguage', { language: ISO_639_2[o.language] });
  const m = id.ele('FRBRManifestation');
  m.ele('FRBRthis', { value: `${expression}/!main.xml` });
  m.ele('FRBRuri', { value: `${expression}.akn` });
  m.ele('FRBRdate', { date: generatedOn, name: 'generation' });
  m.ele('FRBRauthor', { href: '#secretariat' });
  meta
    .ele('lifecycle', { source: '#secretariat' })
    .ele('eventRef', { eId: 'evt_1', date: o.adoptedOn, source: '#original', refersTo: o.adoptedVia === 'silence' ? '#adoptionBySilence' : '#adoptionInMeeting' });
  const refs = meta.ele('references', { source: '#secretariat' });
  refs.ele('original', { eId: 'original', href: expression, showAs: o.symbol });
  refs.ele('TLCOrganization', { eId: 'poa', href: '/ontology/organization/un/poa-ict', showAs: 'Programme of Action to advance responsible State behaviour in the use of ICTs in the context of international security' });
  refs.ele('TLCOrganization', { eId: 'secretariat', href: '/ontology/organization/un/poa-ict.secretariat', showAs: 'Secretariat of the Programme of Action' });
  refs.ele('TLCEvent', { eId: o.adoptedVia === 'silence' ? 'adoptionBySilence' : 'adoptionInMeeting', href: `/ontology/event/un/${o.adoptedVia === 'silence' ? 'adoptionBySilenceProcedure' : 'adoptionByConsensus'}`, showAs: o.adoptedVia === 'silence' ? 'Adopted by silence procedure' : 'Adopted by consensus in a meeting' });
  refs.ele('TLCReference', { eId: 'contentHash', name: 'sha256', href: `/ontology/sha256/${o.contentHash}`, showAs: `SHA-256 ${o.contentHash}` });
  refs.ele('TLCReference', { eId: 'platformRecord', name: 'record', href: o.url, showAs: 'The outcome and its decision record on the PoA Platform' });

  const preface = doc.ele('preface');
  preface.ele('p').ele('docNumber').txt(o.symbol);
  preface.ele('p').ele('docTitle').txt(o.title);
  preface.ele('p').ele('docDate', { date: o.adoptedOn }).txt(o.adoptedOn);

  const preambular = o.paragraphs.filter((p) => p.kind === 'preambular');
  const operative = o.paragraphs.filter((p) => p.kind === 'operative');
  if (preambular.length > 0) {
    const preamble = doc.ele('preamble');
    preambular.forEach((p, i) => preamble.ele('p', { eId: `preamble__para_${i + 1}`, class: 'preambular' }).txt(p.text));
  }
  const body = doc.ele('mainBody');
  if (operative.length === 0) body.ele('p').txt('');
  operative.forEach((p, i) =>
    body
      .ele('paragraph', { eId: `para_${i + 1}` })
      .ele('num')
      .txt(`${i + 1}.`)
      .up()
      .ele('content')
      .ele('p')
      .txt(p.text),
  );
  return doc.end({ prettyPrint: true });
}
