import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

/** A State's page as the API gives it: the same for everyone, with the caller's `can`. */
export type StateRecord = paths['/api/v1/states/{iso3}/record']['get']['responses'][200]['content']['application/json'];
export type NationalPublication = StateRecord['publications'][number];
export type PublicationKind = NationalPublication['kind'];
export const PUBLICATION_KINDS: PublicationKind[] = ['international-law-position', 'national-strategy'];

export const stateRecordQuery = (iso3: string) => ({
  queryKey: ['states', iso3.toUpperCase(), 'record'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/states/{iso3}/record', { params: { path: { iso3 } } })),
});

/** The label of each kind of national publication (keys written out, so the locale check finds them). */
export const KIND_LABEL = {
  'international-law-position': 'states.record.kinds.international-law-position',
  'national-strategy': 'states.record.kinds.national-strategy',
} as const satisfies Record<PublicationKind, string>;

/** How the State took part in an amendment, and what the amendment does. */
export const ROLE_LABEL = { proposer: 'states.record.roles.proposer', 'co-sponsor': 'states.record.roles.co-sponsor' } as const;
export const ACTION_LABEL = { add: 'states.record.actions.add', delete: 'states.record.actions.delete', replace: 'states.record.actions.replace' } as const;
