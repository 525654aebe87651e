export { statesRoutes } from './routes.js';
export { loadStateReference, getState, listStates } from './directory.js';
export { states } from './tables.js';
export { statesPolicy } from './policy.js';
export { stateIso3Codes } from './reference.js';
export type { StateRecordSources } from './state-record.js';
export { publishNationalPublication } from './publish-national-publication.js';
export { addPublicationVersion } from './add-publication-version.js';
export { withdrawNationalPublication } from './withdraw-national-publication.js';
