/** What other features use of reporting: the cycles. */
export { cyclesQuery } from './queries';
