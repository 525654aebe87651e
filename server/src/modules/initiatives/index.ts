export { initiativesRoutes } from './routes.js';
export { initiativesPolicy } from './policy.js';
export { proposeInitiative } from './propose-initiative.js';
export { publishInitiative } from './publish-initiative.js';
export { declineInitiative } from './decline-initiative.js';
export { editInitiative } from './edit-initiative.js';
export { initiativesServing } from './reading.js';
export { INITIATIVE_KINDS, type InitiativeKind } from './tables.js';
export { initiativesSearchSource } from './search-source.js';
