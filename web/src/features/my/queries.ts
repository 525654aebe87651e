import { api, unwrap, type paths } from '../../api/client';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Agenda = Json<'/api/v1/me/agenda', 'get'>;
export type AgendaItem = Agenda['items'][number];

/** What needs the signed-in person now, as the API ranks it. */
export const agendaQuery = () => ({
  queryKey: ['me', 'agenda'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/me/agenda')),
  staleTime: 30_000,
});
