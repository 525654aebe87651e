import type { paths } from '../../src/api/client';
import type { DraftList, OutcomeItem } from '../../src/features/drafts/queries';
import type { FrameworkList } from '../../src/features/framework/queries';
import type { GroupList, GroupPage } from '../../src/features/groups/queries';

/**
 * Records as the API answers them, typed by the API client's generated schema: a change to the API
 * that the web app must follow fails the type check here too.
 */

type StateList = paths['/api/v1/states']['get']['responses'][200]['content']['application/json'];

export const GROUP_ID = '5a0c6d1e-7f1b-4a53-9b8e-1c2d3e4f5a01';

export function group(overrides: Partial<GroupPage> = {}): GroupPage {
  return {
    id: GROUP_ID,
    name: { en: 'Technical working group on confidence-building measures' },
    mandate: { en: 'To exchange views on confidence-building measures. To report to the annual meeting.' },
    mandateSource: 'A/AC.300/2027/2, decision 3',
    mandateOutcomeId: null,
    chairs: [{ name: 'Ambassador Ana Pereira', role: 'co-facilitator', state: 'CHL' }],
    workProgramme: [],
    stakeholderObservers: true,
    status: 'active',
    version: 1,
    createdAt: '2027-01-11T09:00:00.000Z',
    updatedAt: '2027-01-11T09:00:00.000Z',
    members: { states: [], observers: [] },
    meetings: [],
    documents: [],
    drafts: [],
    can: { join: false, leave: false, manage: true, observe: false, stopObserving: false },
    ...overrides,
  };
}

export function groups(items: GroupPage[] = [group()]): GroupList {
  return {
    items: items.map(({ id, name, mandate, mandateSource, mandateOutcomeId, chairs, workProgramme, stakeholderObservers, status, version, createdAt, updatedAt, members }) => ({
      ...{ id, name, mandate, mandateSource, mandateOutcomeId, chairs, workProgramme, stakeholderObservers, status, version, createdAt, updatedAt },
      memberCount: members.states.length,
      observerCount: members.observers.length,
    })),
    can: { create: true },
  };
}

export const states: StateList = { items: [], total: 0 };

export const outcomes = (items: OutcomeItem[] = []) => ({ asOf: '2027-01-11', items, total: items.length });

export const drafts = (can: DraftList['can']): DraftList => ({ items: [], can });

export const frameworkElements = (items: FrameworkList['items']): FrameworkList => ({ asOf: '2027-01-11', items, total: items.length });

type ElementVersion = FrameworkList['items'][number];

/** A framework element as it stands, in English. */
export function element(code: string, kind: ElementVersion['kind'], pillar: ElementVersion['pillar'], title: string, text: string): ElementVersion {
  return {
    code,
    kind,
    pillar,
    version: 1,
    change: 'added',
    effectiveOn: '2015-07-22',
    recordedAt: '2026-01-05T10:00:00.000Z',
    grouping: null,
    note: null,
    supersededBy: null,
    display: { fallback: false, language: 'en', status: 'summary', text, title },
    texts: { en: { status: 'summary', text, title } },
    source: { alsoIn: [], body: 'GGE', citation: 'A/70/174, para. 13', date: '2015-07-22', fragment: false, paragraph: '13', paragraphConfirmed: true, symbol: 'A/70/174', title: 'Report of the Group of Governmental Experts' },
  };
}
