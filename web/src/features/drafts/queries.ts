import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap, unwrapResponse, type paths } from '../../api/client';
import type { Language } from '../../app/languages';
import { allGroupsQuery } from '../groups';
import { problemMessage } from '../../ui/problems';
import { formatInZone } from '../../ui/dates';
import { createElement, type ReactNode } from 'react';
import { Localized } from '../../ui/localized';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type DraftList = Json<'/api/v1/drafts', 'get'>;
export type DraftItem = DraftList['items'][number];
export type Draft = Json<'/api/v1/drafts/{id}', 'get'>;
export type Amendment = Draft['unplaced'][number];
export type DraftParagraph = Draft['latest']['paragraphs'][number];
export type AdoptionProposal = Draft['adoptionProposals'][number];
export type SilenceProcedure = Draft['silenceProcedures'][number];
export type Comparison = Json<'/api/v1/drafts/{id}/compare', 'get'>;
export type OpenSilenceList = Json<'/api/v1/silence-procedures', 'get'>;
export type OpenSilence = OpenSilenceList['items'][number];
export type OutcomeItem = Json<'/api/v1/outcomes', 'get'>['items'][number];
export type Outcome = Json<'/api/v1/outcomes/{id}', 'get'>;
export type DraftKind = Draft['kind'];
export type DraftStatus = Draft['status'];

export const draftsQuery = (filter: { body?: string; status?: DraftStatus }) => ({
  queryKey: ['decisions', 'drafts', filter.body ?? null, filter.status ?? null] as const,
  queryFn: () => unwrap(api.GET('/api/v1/drafts', { params: { query: { ...(filter.body ? { body: filter.body } : {}), ...(filter.status ? { status: filter.status } : {}) } } })),
  staleTime: 15_000,
});

export const draftQuery = (id: string) => ({
  queryKey: ['decisions', 'draft', id] as const,
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/drafts/{id}', { params: { path: { id } } }));
    return { draft: data, etag: response.headers.get('etag') };
  },
  staleTime: 5_000,
});

export const compareQuery = (id: string, from: number, to: number) => ({
  queryKey: ['decisions', 'compare', id, from, to] as const,
  queryFn: () => unwrap(api.GET('/api/v1/drafts/{id}/compare', { params: { path: { id }, query: { from, to } } })),
  staleTime: 60_000,
});

export const silenceQuery = () => ({
  queryKey: ['decisions', 'silence'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/silence-procedures')),
  staleTime: 5_000,
});

export const outcomesQuery = () => ({
  queryKey: ['decisions', 'outcomes'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/outcomes')),
  staleTime: 30_000,
});

export const outcomeQuery = (id: string) => ({
  queryKey: ['decisions', 'outcome', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/outcomes/{id}', { params: { path: { id } } })),
  staleTime: 30_000,
});

export const meetingsInSessionQuery = () => ({
  queryKey: ['decisions', 'meetings-in-session'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings', { params: { query: { status: 'in-session' } } })),
  staleTime: 15_000,
});



/** The name of the body a draft is before: the plenary, or a working group. */
export function useBodyName(): (body: string) => ReactNode {
  const { t } = useTranslation();
  const groups = useQuery(allGroupsQuery());
  return (body) => {
    if (body === 'plenary') return t('drafts.plenary');
    const group = groups.data?.items.find((g) => g.id === body);
    return group ? createElement(Localized, { text: group.name }) : t('drafts.workingGroup');
  };
}

const KIND_KEYS = { decision: 'drafts.kinds.decision', recommendation: 'drafts.kinds.recommendation', 'framework-change': 'drafts.kinds.framework-change' } as const;
const STATUS_KEYS = { negotiating: 'drafts.statuses.negotiating', adopted: 'drafts.statuses.adopted', withdrawn: 'drafts.statuses.withdrawn' } as const;
const ACTION_KEYS = { add: 'drafts.actions.add', delete: 'drafts.actions.delete', replace: 'drafts.actions.replace' } as const;
const PARAGRAPH_KIND_KEYS = { preambular: 'drafts.paragraphKinds.preambular', operative: 'drafts.paragraphKinds.operative' } as const;
const CHANGE_KEYS = { unchanged: 'drafts.compare.unchanged', changed: 'drafts.compare.changed', added: 'drafts.compare.added', deleted: 'drafts.compare.deleted' } as const;
const PROPOSAL_STATUS_KEYS = { open: 'drafts.adoption.open', adopted: 'drafts.adoption.adopted', 'not-adopted': 'drafts.adoption.notAdopted', withdrawn: 'drafts.adoption.withdrawn' } as const;
const SILENCE_STATUS_KEYS = { open: 'silence.statuses.open', adopted: 'silence.statuses.adopted', broken: 'silence.statuses.broken', withdrawn: 'silence.statuses.withdrawn' } as const;
const VIA_KEYS = { meeting: 'outcomes.via.meeting', silence: 'outcomes.via.silence' } as const;

export function useDraftLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: DraftKind) => t(KIND_KEYS[k]),
    status: (s: DraftStatus) => t(STATUS_KEYS[s]),
    action: (a: Amendment['action']) => t(ACTION_KEYS[a]),
    paragraphKind: (k: DraftParagraph['kind']) => t(PARAGRAPH_KIND_KEYS[k]),
    change: (c: keyof typeof CHANGE_KEYS) => t(CHANGE_KEYS[c]),
    proposalStatus: (s: AdoptionProposal['status']) => t(PROPOSAL_STATUS_KEYS[s]),
    silenceStatus: (s: SilenceProcedure['status']) => t(SILENCE_STATUS_KEYS[s]),
    via: (v: OutcomeItem['adoptedVia']) => t(VIA_KEYS[v]),
    /** "Zero draft", "Rev.1" in the page's language. */
    revision: (n: number) => (n === 0 ? t('drafts.zeroDraft') : t('drafts.revN', { n })),
  };
}

const REFUSAL_KEYS = {
  'refused-not-open': 'drafts.refusals.notOpen',
  'refused-deadline-passed': 'drafts.refusals.deadlinePassed',
  'refused-already-broken': 'drafts.refusals.alreadyBroken',
  'refused-not-eligible': 'drafts.refusals.notEligible',
  'refused-not-present': 'drafts.refusals.notPresent',
  'refused-already-objected': 'drafts.refusals.alreadyObjected',
  'draft-closed': 'drafts.refusals.draftClosed',
  'meeting-not-in-session': 'drafts.refusals.meetingNotInSession',
  'already-proposed': 'drafts.refusals.alreadyProposed',
  'under-silence': 'drafts.refusals.underSilence',
  'already-sponsor': 'drafts.refusals.alreadySponsor',
  'already-plenary': 'drafts.refusals.alreadyPlenary',
  'not-transmitted': 'drafts.refusals.notTransmitted',
  'other-body': 'drafts.refusals.otherBody',
  'under-adoption': 'drafts.refusals.underAdoption',
} as const;

/** A late break of silence: the deadline as the chair stated it, in its zone, and the outcome once adopted. */
interface LateBreak {
  deadlineAt?: string;
  deadlineZone?: string;
  outcome?: { id: string; symbol: string } | null;
}

/** The server's refusals, said in the page's language; other problems as the platform says them. */
export function useDecisionProblem(): (error: unknown) => string | null {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (!error) return null;
    if (error instanceof ApiProblem && error.kind === 'refused-deadline-passed') {
      const late = error.extensions as LateBreak;
      if (late.deadlineAt && late.deadlineZone) {
        const deadline = t('drafts.refusals.deadlinePassedAt', { deadline: formatInZone(late.deadlineAt, late.deadlineZone, i18n.language as Language) });
        return late.outcome ? `${deadline} ${t('drafts.refusals.adoptedAs', { symbol: late.outcome.symbol })}` : deadline;
      }
    }
    if (error instanceof ApiProblem && error.kind in REFUSAL_KEYS) return t(REFUSAL_KEYS[error.kind as keyof typeof REFUSAL_KEYS]);
    if (error instanceof ApiProblem && error.status === 412) return t('drafts.refusals.stale');
    return problemMessage(error);
  };
}

