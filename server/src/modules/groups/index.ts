export { groupsRoutes } from './routes.js';
export { groupsPolicy } from './policy.js';
export { groupsOfState, workingGroups } from './reading.js';
export { createGroup, updateGroup } from './set-up-group.js';
export { joinGroup, leaveGroup } from './join-group.js';
export { endOrganisationPlaces } from './end-organisation-places.js';
export type { GroupDraft, DraftsOfGroup, GroupPageSources } from './drafts-seam.js';
// What the stakeholders module asks of a working group (written inputs).
export { groupRow } from './reading.js';
export { groupsSearchSource } from './search-source.js';
