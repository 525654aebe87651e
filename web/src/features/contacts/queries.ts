import { api, unwrap, type paths } from '../../api/client';

export type Poc = paths['/api/v1/contacts/pocs']['get']['responses'][200]['content']['application/json']['items'][number];
export type ThreadSummary = paths['/api/v1/contacts/threads']['get']['responses'][200]['content']['application/json']['items'][number];
export type Thread = paths['/api/v1/contacts/threads/{id}']['get']['responses'][200]['content']['application/json'];
export type CheckSummary = paths['/api/v1/contacts/checks']['get']['responses'][200]['content']['application/json']['items'][number];

export const directoryQuery = () => ({ queryKey: ['contacts', 'directory'], queryFn: () => unwrap(api.GET('/api/v1/contacts/pocs')) });
export const threadsQuery = () => ({ queryKey: ['contacts', 'threads'], queryFn: () => unwrap(api.GET('/api/v1/contacts/threads')) });
export const threadQuery = (id: string) => ({ queryKey: ['contacts', 'threads', id], queryFn: () => unwrap(api.GET('/api/v1/contacts/threads/{id}', { params: { path: { id } } })) });
export const checksQuery = () => ({ queryKey: ['contacts', 'checks'], queryFn: () => unwrap(api.GET('/api/v1/contacts/checks')) });
export type CheckDetail = paths['/api/v1/contacts/checks/{id}']['get']['responses'][200]['content']['application/json'];
export type Tally = CheckSummary['tally'];

export const pocQuery = (id: string) => ({ queryKey: ['contacts', 'pocs', id], queryFn: () => unwrap(api.GET('/api/v1/contacts/pocs/{id}', { params: { path: { id } } })) });
export const historyQuery = (id: string) => ({
  queryKey: ['contacts', 'pocs', id, 'history'],
  queryFn: () => unwrap(api.GET('/api/v1/contacts/pocs/{id}/history', { params: { path: { id } } })),
});
export const checkQuery = (id: string) => ({ queryKey: ['contacts', 'checks', id], queryFn: () => unwrap(api.GET('/api/v1/contacts/checks/{id}', { params: { path: { id } } })) });
export const readsQuery = () => ({ queryKey: ['contacts', 'reads'], queryFn: () => unwrap(api.GET('/api/v1/contacts/reads')) });
