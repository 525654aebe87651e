/** What other features use of the decisions: outcomes and open silence procedures. */
export { outcomesQuery, silenceQuery } from './queries';
