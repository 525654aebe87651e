/** What other features use of the working groups: the list and one group. */
export { allGroupsQuery, groupQuery } from './queries';
