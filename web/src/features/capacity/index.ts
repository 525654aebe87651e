/** Capacity-building: its pages are reached by the router; other features use nothing of it yet. */
export { needsQuery } from './queries';
