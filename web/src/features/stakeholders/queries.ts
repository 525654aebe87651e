import { useTranslation } from '../../app/i18n';
import { api, unwrap, type paths } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Tracking = Json<'/api/v1/stakeholder-applications/track/{token}', 'get'>;
export type ApplicationList = Json<'/api/v1/stakeholder-applications', 'get'>;
export type Application = ApplicationList['items'][number];
export type ApplicationStatus = Application['status'];
export type Batch = Json<'/api/v1/stakeholder-batches/{id}', 'get'>;
export type Organisation = Json<'/api/v1/organisations/{id}', 'get'>;
export type OrganisationItem = Json<'/api/v1/organisations', 'get'>['items'][number];
export type OrganisationKind = Organisation['kind'];
export type Accreditation = Organisation['accreditation'];
export type Names = Organisation['names'];
export type ObjectionRecord = NonNullable<Organisation['objections']>;
export type WrittenInput = Json<'/api/v1/meetings/{id}/stakeholder-inputs', 'get'>['items'][number];

export const KINDS: OrganisationKind[] = ['ngo', 'academia', 'private_sector', 'technical_community', 'intergovernmental', 'regional'];
export const ECOSOC_STATUSES = ['general', 'special', 'roster'] as const;
export type EcosocStatus = (typeof ECOSOC_STATUSES)[number];

export const trackingQuery = (token: string) => ({
  queryKey: ['stakeholders', 'track', token] as const,
  queryFn: () => unwrap(api.GET('/api/v1/stakeholder-applications/track/{token}', { params: { path: { token } } })),
});
export const applicationsQuery = () => ({
  queryKey: ['stakeholders', 'applications'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/stakeholder-applications')),
});
export const applicationQuery = (id: string) => ({
  queryKey: ['stakeholders', 'application', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/stakeholder-applications/{id}', { params: { path: { id } } })),
});
export const batchesQuery = () => ({
  queryKey: ['stakeholders', 'batches'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/stakeholder-batches')),
});
export const batchQuery = (id: string) => ({
  queryKey: ['stakeholders', 'batch', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/stakeholder-batches/{id}', { params: { path: { id } } })),
});
export const organisationsQuery = () => ({
  queryKey: ['stakeholders', 'organisations'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/organisations')),
  staleTime: 30_000,
});
export const organisationQuery = (id: string) => ({
  queryKey: ['stakeholders', 'organisation', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
});
export const meetingInputsQuery = (meetingId: string) => ({
  queryKey: ['stakeholders', 'meeting-inputs', meetingId] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/stakeholder-inputs', { params: { path: { id: meetingId } } })),
  staleTime: 30_000,
});

export const groupInputsQuery = (groupId: string) => ({
  queryKey: ['stakeholders', 'group-inputs', groupId] as const,
  queryFn: () => unwrap(api.GET('/api/v1/groups/{id}/stakeholder-inputs', { params: { path: { id: groupId } } })),
  staleTime: 30_000,
});

export const speakingQuery = (meetingId: string) => ({
  queryKey: ['stakeholders', 'speaking', meetingId] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/speaking-requests', { params: { path: { id: meetingId } } })),
  staleTime: 30_000,
});

/** An organisation's name in the page's language, or the name it gave first, in its own language. */
export function nameIn(names: Names, name: string, lang: Language): { text: string; language: Language; fallback: boolean } {
  const own = names[lang];
  if (own) return { text: own, language: lang, fallback: false };
  const given = LANGUAGES.find((l) => names[l] === name) ?? LANGUAGES.find((l) => names[l]) ?? 'en';
  return { text: names[given] ?? name, language: given, fallback: true };
}

// Each label's key written out, so that the locale check sees every key used.
const KIND_LABELS = {
  ngo: 'stakeholders.kinds.ngo',
  academia: 'stakeholders.kinds.academia',
  private_sector: 'stakeholders.kinds.private_sector',
  technical_community: 'stakeholders.kinds.technical_community',
  intergovernmental: 'stakeholders.kinds.intergovernmental',
  regional: 'stakeholders.kinds.regional',
} as const satisfies Record<OrganisationKind, string>;
const STATUS_LABELS = {
  submitted: 'stakeholders.statuses.submitted',
  'information-requested': 'stakeholders.statuses.information-requested',
  complete: 'stakeholders.statuses.complete',
  circulated: 'stakeholders.statuses.circulated',
  accredited: 'stakeholders.statuses.accredited',
  'not-accredited': 'stakeholders.statuses.not-accredited',
} as const satisfies Record<ApplicationStatus, string>;
const ACCREDITATION_LABELS = {
  applied: 'stakeholders.accreditations.applied',
  accredited: 'stakeholders.accreditations.accredited',
  objected: 'stakeholders.accreditations.objected',
  withdrawn: 'stakeholders.accreditations.withdrawn',
} as const satisfies Record<Accreditation, string>;
const ECOSOC_LABELS = {
  general: 'stakeholders.ecosoc.general',
  special: 'stakeholders.ecosoc.special',
  roster: 'stakeholders.ecosoc.roster',
} as const satisfies Record<EcosocStatus, string>;
const STEP_LABELS = {
  submitted: 'stakeholders.steps.submitted',
  'information-requested': 'stakeholders.steps.information-requested',
  'information-given': 'stakeholders.steps.information-given',
  complete: 'stakeholders.steps.complete',
  circulated: 'stakeholders.steps.circulated',
  accredited: 'stakeholders.steps.accredited',
  'not-accredited': 'stakeholders.steps.not-accredited',
  withdrawn: 'stakeholders.steps.withdrawn',
} as const;
const isStep = (k: string): k is keyof typeof STEP_LABELS => k in STEP_LABELS;

export function useStakeholderLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: OrganisationKind) => t(KIND_LABELS[k]),
    status: (s: ApplicationStatus) => t(STATUS_LABELS[s]),
    accreditation: (a: Accreditation) => t(ACCREDITATION_LABELS[a]),
    ecosoc: (s: string) => (s in ECOSOC_LABELS ? t(ECOSOC_LABELS[s as EcosocStatus]) : s),
    step: (k: string) => (isStep(k) ? t(STEP_LABELS[k]) : k),
  };
}
