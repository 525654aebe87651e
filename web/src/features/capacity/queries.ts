import { useTranslation } from '../../app/i18n';
import { api, unwrap, unwrapResponse, type paths } from '../../api/client';
import type { Language } from '../../app/languages';
import type { RegionalGroupId } from '../../api/client';
import { useGroupLabel } from '../states';
import { useLang } from '../../app/paths';
import { isolated } from '../../ui/localized';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type NeedList = Json<'/api/v1/capacity/needs', 'get'>;
export type Need = NeedList['items'][number];
export type NeedDetail = Json<'/api/v1/capacity/needs/{id}', 'get'>;
export type Match = NeedDetail['matches'][number];
export type OfferList = Json<'/api/v1/capacity/offers', 'get'>;
export type Offer = OfferList['items'][number];
export type OfferDetail = Json<'/api/v1/capacity/offers/{id}', 'get'>;
export type RankedOffers = Json<'/api/v1/capacity/needs/{id}/offers', 'get'>;
export type RankedNeeds = Json<'/api/v1/capacity/offers/{id}/needs', 'get'>;
export type Reason = RankedOffers['items'][number]['reasons'][number];
export type Project = Json<'/api/v1/capacity/projects/{id}', 'get'>;
export type Analysis = Json<'/api/v1/capacity/analysis', 'get'>;
export type Offeror = Offer['offeror'];
export type Modality = Need['modality'];
export type NeedStatus = Need['status'];
export type OfferStatus = Offer['status'];
export type MatchStatus = Match['status'];
export type Visibility = Need['visibility'];
export type Pillar = Analysis['byPillar'][number]['pillar'];
export type MatchStep = 'accept' | 'decline' | 'confirm' | 'withdraw';
export type MilestoneStatus = 'planned' | 'in-progress' | 'done' | 'dropped';

export const MODALITIES: Modality[] = ['training', 'advisory', 'technical-assistance', 'equipment', 'exchange-of-expertise', 'funding'];
export const NEED_STATUSES: NeedStatus[] = ['open', 'in-discussion', 'matched', 'met', 'withdrawn'];
export const OFFER_STATUSES: OfferStatus[] = ['open', 'closed', 'withdrawn'];
export const VISIBILITIES: Visibility[] = ['public', 'participants', 'secretariat'];
export const MILESTONE_STATUSES: MilestoneStatus[] = ['planned', 'in-progress', 'done', 'dropped'];

export const isModality = (v: string | null): v is Modality => MODALITIES.includes(v as Modality);
export const isNeedStatus = (v: string | null): v is NeedStatus => NEED_STATUSES.includes(v as NeedStatus);
export const isOfferStatus = (v: string | null): v is OfferStatus => OFFER_STATUSES.includes(v as OfferStatus);

/** Framework codes typed as a list ("norm-13g, global-cbm-7"). */
export const codesOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

export interface NeedFilters {
  state?: string | undefined;
  status?: NeedStatus | undefined;
  code?: string | undefined;
  modality?: Modality | undefined;
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

export const needsQuery = (filters: NeedFilters) => ({
  queryKey: ['capacity', 'needs', defined(filters)] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/needs', { params: { query: { ...defined(filters), limit: 200 } } })),
  staleTime: 10_000,
});
export const needQuery = (id: string) => ({
  queryKey: ['capacity', 'need', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/needs/{id}', { params: { path: { id } } })),
});
export const rankedOffersQuery = (id: string) => ({
  queryKey: ['capacity', 'need', id, 'offers'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/needs/{id}/offers', { params: { path: { id }, query: { limit: 20 } } })),
});
export const offersQuery = (filters: { status?: OfferStatus | undefined; code?: string | undefined; modality?: Modality | undefined }) => ({
  queryKey: ['capacity', 'offers', defined(filters)] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/offers', { params: { query: { ...defined(filters), limit: 200 } } })),
  staleTime: 10_000,
});
export const offerQuery = (id: string) => ({
  queryKey: ['capacity', 'offer', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/offers/{id}', { params: { path: { id } } })),
});
export const rankedNeedsQuery = (id: string) => ({
  queryKey: ['capacity', 'offer', id, 'needs'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/offers/{id}/needs', { params: { path: { id }, query: { limit: 20 } } })),
});
export const projectsQuery = () => ({
  queryKey: ['capacity', 'projects'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/projects')),
  staleTime: 10_000,
});
export const projectQuery = (id: string) => ({
  queryKey: ['capacity', 'project', id] as const,
  queryFn: async () => (await unwrapResponse(api.GET('/api/v1/capacity/projects/{id}', { params: { path: { id } } }))).data,
});
/**
 * The needs of the printable catalogue: those still looking for partners (open or in discussion; not
 * matched, met or withdrawn) that their States published for everyone. Read through the same list as
 * every other page, so the viewer's visibility applies first; of what it returns, only the public ones
 * are kept, so that the catalogue is the same document for whoever prints it.
 */
export const CATALOGUE_STATUSES: NeedStatus[] = ['open', 'in-discussion'];
const PAGE = 200;
async function everyNeed(status: NeedStatus): Promise<Need[]> {
  const items: Need[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/v1/capacity/needs', { params: { query: { status, limit: PAGE, offset } } }));
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) return items;
  }
}
export const catalogueQuery = () => ({
  queryKey: ['capacity', 'catalogue'] as const,
  queryFn: async () => (await Promise.all(CATALOGUE_STATUSES.map(everyNeed))).flat().filter((n) => n.visibility === 'public'),
  staleTime: 30_000,
});
export const analysisQuery = () => ({
  queryKey: ['capacity', 'analysis'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/capacity/analysis')),
  staleTime: 30_000,
});

/** One step of the match workflow, with its message. */
export function sendStep(matchId: string, step: MatchStep, message: string) {
  const params = { params: { path: { id: matchId } }, body: { message } };
  switch (step) {
    case 'accept':
      return unwrap(api.POST('/api/v1/capacity/matches/{id}/accept', params));
    case 'decline':
      return unwrap(api.POST('/api/v1/capacity/matches/{id}/decline', params));
    case 'confirm':
      return unwrap(api.POST('/api/v1/capacity/matches/{id}/confirm', params));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/capacity/matches/{id}/withdraw', params));
  }
}

// Each label's key written out, so that the locale check sees every key used.
const MODALITY_LABELS = {
  training: 'capacity.modalities.training',
  advisory: 'capacity.modalities.advisory',
  'technical-assistance': 'capacity.modalities.technical-assistance',
  equipment: 'capacity.modalities.equipment',
  'exchange-of-expertise': 'capacity.modalities.exchange-of-expertise',
  funding: 'capacity.modalities.funding',
} as const satisfies Record<Modality, string>;
const NEED_STATUS_LABELS = {
  open: 'capacity.needStatuses.open',
  'in-discussion': 'capacity.needStatuses.in-discussion',
  matched: 'capacity.needStatuses.matched',
  met: 'capacity.needStatuses.met',
  withdrawn: 'capacity.needStatuses.withdrawn',
} as const satisfies Record<NeedStatus, string>;
const OFFER_STATUS_LABELS = {
  open: 'capacity.offerStatuses.open',
  closed: 'capacity.offerStatuses.closed',
  withdrawn: 'capacity.offerStatuses.withdrawn',
} as const satisfies Record<OfferStatus, string>;
const MATCH_STATUS_LABELS = {
  invited: 'capacity.matchStatuses.invited',
  accepted: 'capacity.matchStatuses.accepted',
  declined: 'capacity.matchStatuses.declined',
  confirmed: 'capacity.matchStatuses.confirmed',
  withdrawn: 'capacity.matchStatuses.withdrawn',
} as const satisfies Record<MatchStatus, string>;
const VISIBILITY_LABELS = {
  public: 'capacity.visibilities.public',
  participants: 'capacity.visibilities.participants',
  secretariat: 'capacity.visibilities.secretariat',
} as const satisfies Record<Visibility, string>;
const PILLAR_LABELS = {
  'international-law': 'capacity.pillars.international-law',
  norms: 'capacity.pillars.norms',
  cbms: 'capacity.pillars.cbms',
  'capacity-building': 'capacity.pillars.capacity-building',
  threats: 'capacity.pillars.threats',
} as const satisfies Record<Pillar, string>;
const STEP_LABELS = {
  accept: 'capacity.steps.accept',
  decline: 'capacity.steps.decline',
  confirm: 'capacity.steps.confirm',
  withdraw: 'capacity.steps.withdraw',
} as const satisfies Record<MatchStep, string>;
const STEP_TITLES = {
  accept: 'capacity.steps.acceptTitle',
  decline: 'capacity.steps.declineTitle',
  confirm: 'capacity.steps.confirmTitle',
  withdraw: 'capacity.steps.withdrawTitle',
} as const satisfies Record<MatchStep, string>;
const PROJECT_STATUS_LABELS = { running: 'capacity.projectStatuses.running', completed: 'capacity.projectStatuses.completed' } as const satisfies Record<Project['status'], string>;
const MILESTONE_LABELS = {
  planned: 'capacity.milestoneStatuses.planned',
  'in-progress': 'capacity.milestoneStatuses.in-progress',
  done: 'capacity.milestoneStatuses.done',
  dropped: 'capacity.milestoneStatuses.dropped',
} as const satisfies Record<MilestoneStatus, string>;
const SIDE_LABELS = { requester: 'capacity.sides.requester', offeror: 'capacity.sides.offeror' } as const;

export function useCapacityLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  const languageName = (l: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(l) ?? l;
  return {
    modality: (m: Modality) => t(MODALITY_LABELS[m]),
    needStatus: (s: NeedStatus) => t(NEED_STATUS_LABELS[s]),
    offerStatus: (s: OfferStatus) => t(OFFER_STATUS_LABELS[s]),
    matchStatus: (s: MatchStatus) => t(MATCH_STATUS_LABELS[s]),
    visibility: (v: Visibility) => t(VISIBILITY_LABELS[v]),
    pillar: (p: Pillar) => t(PILLAR_LABELS[p]),
    step: (s: MatchStep) => t(STEP_LABELS[s]),
    stepTitle: (s: MatchStep) => t(STEP_TITLES[s]),
    projectStatus: (s: Project['status']) => t(PROJECT_STATUS_LABELS[s]),
    milestone: (s: string) => (s in MILESTONE_LABELS ? t(MILESTONE_LABELS[s as keyof typeof MILESTONE_LABELS]) : s),
    side: (s: 'requester' | 'offeror') => t(SIDE_LABELS[s]),
    languages: (ls: string[]) => list(ls.map(languageName)),
    languageName,
    list,
  };
}

/** A rank's reason, said in the page's language from its code and parameters. */
export function useReasonText() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const group = useGroupLabel();
  const lang = useLang();
  return (reason: Reason): string => {
    const p = reason.params as Record<string, unknown>;
    const points = Number(p.points ?? 0);
    switch (reason.code) {
      case 'shared-elements':
        return t('capacity.reasons.sharedElements', { pillar: labels.pillar(p.pillar as Pillar), elements: labels.list(((p.elements as string[]) ?? []).map((code) => isolated(code, lang))), points });
      case 'modality':
        return t('capacity.reasons.modality', { modality: labels.modality(p.modality as Modality), points });
      case 'language':
        return t('capacity.reasons.language', { languages: labels.languages((p.languages as string[]) ?? []), points });
      case 'state-served':
        return t('capacity.reasons.stateServed', { state: String(p.state ?? ''), points });
      case 'region-served':
        return t('capacity.reasons.regionServed', { group: group((p.regionalGroup as RegionalGroupId | undefined) ?? null), points });
      case 'serves-every-state':
        return t('capacity.reasons.everyState', { points });
      case 'period':
        return t('capacity.reasons.period', { points });
      default:
        return reason.code;
    }
  };
}
