export { openDataRoutes } from './routes.js';
export { openDatasets, lastChange } from './changes.js';
export { outcomeAkn, AKN_NAMESPACE } from './akn.js';
export { atomFeed } from './atom.js';
