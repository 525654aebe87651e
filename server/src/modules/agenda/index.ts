export { agendaRoutes } from './routes.js';
export { agendaPolicy } from './policy.js';
