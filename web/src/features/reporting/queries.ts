import { useTranslation } from '../../app/i18n';
import { api, unwrap, type paths } from '../../api/client';
import type { Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { statesQuery } from '../states';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type CycleList = Json<'/api/v1/reporting/cycles', 'get'>;
export type CycleItem = CycleList['items'][number];
export type CycleDetail = Json<'/api/v1/reporting/cycles/{id}', 'get'>;
export type Section = CycleDetail['questionnaire']['sections'][number];
export type Part = Section['part'];
export type Texts = Section['elements'][number]['texts'];
export type Report = Json<'/api/v1/reporting/reports/{id}', 'get'>;
export type DraftSection = NonNullable<Report['draft']>[number];
export type HistoryEntry = NonNullable<Report['history']>[number];
export type Answer = DraftSection['answer'];
export type Visibility = DraftSection['effectiveVisibility'];
export type ImplementationStatus = NonNullable<Answer['status']>;
export type Need = NonNullable<Answer['needs']>[number];
export type ReportVersion = Json<'/api/v1/reporting/reports/{id}/submissions/{number}', 'get'>;
export type Analysis = Json<'/api/v1/reporting/cycles/{id}/analysis', 'get'>;
export type SectionStatus = Analysis['norms'][number];
export type Comparison = Json<'/api/v1/reporting/cycles/{id}/compare', 'get'>;

export const STATUSES: ImplementationStatus[] = ['implemented', 'in-progress', 'planned', 'not-started', 'not-applicable'];
export const VISIBILITIES: Visibility[] = ['public', 'states', 'secretariat'];
export const PARTS: Part[] = ['international-law', 'norms', 'cbms', 'capacity-building', 'contacts'];
const RANK: Record<Visibility, number> = { public: 0, states: 1, secretariat: 2 };
/** A section can only narrow the report's visibility (as the server rules). */
export const narrowerThan = (report: Visibility) => VISIBILITIES.filter((v) => RANK[v] > RANK[report]);

export const cyclesQuery = () => ({
  queryKey: ['reporting', 'cycles'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/cycles')),
});

export const cycleQuery = (id: string) => ({
  queryKey: ['reporting', 'cycle', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/cycles/{id}', { params: { path: { id } } })),
  staleTime: 60_000,
});

export const reportQuery = (id: string) => ({
  queryKey: ['reporting', 'report', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/reports/{id}', { params: { path: { id } } })),
});

/** One submitted version of a report, as the viewer may see it. */
export const reportVersionQuery = (id: string, number: number) => ({
  queryKey: ['reporting', 'report', id, 'version', number] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/reports/{id}/submissions/{number}', { params: { path: { id, number } } })),
});

export const analysisQuery = (id: string) => ({
  queryKey: ['reporting', 'analysis', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/cycles/{id}/analysis', { params: { path: { id } } })),
});

/**
 * What the analysis page needs for its first view: fetched from the start, beside the page's code and
 * strings (app/router.tsx), instead of once they are there and the page renders. The page reads them
 * with ANALYSIS_FRESH (the cycle is fresh for a minute anyway), so that it does not fetch again what
 * has just come.
 */
// The cycle first: the page's heading (its largest text, the LCP) is drawn once it is there.
export const analysisFirstData = (id: string) => [cycleQuery(id), analysisQuery(id), statesQuery({})];
/** How long the analysis page takes its first data as fresh (fetched with its code, see above). */
export const ANALYSIS_FRESH = 10_000;

export const compareQuery = (id: string, states: string[]) => ({
  queryKey: ['reporting', 'compare', id, states.join(',')] as const,
  queryFn: () => unwrap(api.GET('/api/v1/reporting/cycles/{id}/compare', { params: { path: { id }, query: { states: states.join(',') } } })),
});


/** A framework text in the page's language, or the English one marked as a fallback. */
export function textIn(texts: Texts, lang: Language): { title: string; text: string; status: 'verbatim' | 'summary'; language: Language; fallback: boolean } {
  const own = texts[lang];
  return own ? { ...own, language: lang, fallback: false } : { ...texts.en, language: 'en', fallback: lang !== 'en' };
}

/** A section's key as a code: `norm:norm-13g` → `norm-13g`. */
export const codeOf = (key: string): string => (key.includes(':') ? key.slice(key.indexOf(':') + 1) : '');


export function useReportingLabels() {
  const { t } = useTranslation();
  const status = (s: ImplementationStatus): string => {
    switch (s) {
      case 'implemented':
        return t('reporting.status.implemented');
      case 'in-progress':
        return t('reporting.status.in-progress');
      case 'planned':
        return t('reporting.status.planned');
      case 'not-started':
        return t('reporting.status.not-started');
      case 'not-applicable':
        return t('reporting.status.not-applicable');
    }
  };
  const visibility = (v: Visibility): string => {
    switch (v) {
      case 'public':
        return t('reporting.visibility.public');
      case 'states':
        return t('reporting.visibility.states');
      case 'secretariat':
        return t('reporting.visibility.secretariat');
    }
  };
  const visibilityHelp = (v: Visibility): string => {
    switch (v) {
      case 'public':
        return t('reporting.visibility.publicHelp');
      case 'states':
        return t('reporting.visibility.statesHelp');
      case 'secretariat':
        return t('reporting.visibility.secretariatHelp');
    }
  };
  const part = (p: Part): string => {
    switch (p) {
      case 'international-law':
        return t('reporting.parts.international-law');
      case 'norms':
        return t('reporting.parts.norms');
      case 'cbms':
        return t('reporting.parts.cbms');
      case 'capacity-building':
        return t('reporting.parts.capacity-building');
      case 'contacts':
        return t('reporting.parts.contacts');
    }
  };
  const field = (f: HistoryEntry['changed'][number]): string => {
    switch (f) {
      case 'status':
        return t('reporting.fields.status');
      case 'measures':
        return t('reporting.fields.measures');
      case 'challenges':
        return t('reporting.fields.challenges');
      case 'needs':
        return t('reporting.fields.needs');
      case 'noChangeSinceLastReport':
        return t('reporting.fields.noChange');
      case 'contacts':
        return t('reporting.fields.contacts');
      case 'visibility':
        return t('reporting.fields.visibility');
    }
  };
  return { status, visibility, visibilityHelp, part, field };
}

/** A section's title: the element's title for a norm or a CBM (in the page's language, or English marked), the part's name otherwise. */
export function useSectionTitle(): (section: Section) => { title: string; language: Language; fallback: boolean } {
  const labels = useReportingLabels();
  const lang = useLang();
  return (section) => {
    const element = section.elements[0];
    if ((section.part === 'norms' || section.part === 'cbms') && element) {
      const text = textIn(element.texts, lang);
      return { title: text.title, language: text.language, fallback: text.fallback };
    }
    return { title: labels.part(section.part), language: lang, fallback: false };
  };
}
