/** What other features use of "My PoA". */
export { agendaQuery, type AgendaItem } from './queries';
