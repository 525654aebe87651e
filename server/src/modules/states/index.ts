export { statesRoutes } from './routes.js';
export { loadStateReference, getState, listStates } from './directory.js';
export { states } from './tables.js';
export { statesPolicy } from './policy.js';
