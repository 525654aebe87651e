/** What other features use of the States: a State's name and record, the list, regional groups' names. */
export { StateName, stateQuery } from './StateName';
export { statesQuery } from './queries';
export { useGroupLabel } from './labels';
