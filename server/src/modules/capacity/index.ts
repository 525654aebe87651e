export { capacityRoutes } from './routes.js';
export { capacityPolicy } from './policy.js';
export { createNeed } from './create-need.js';
export { publishReportNeeds } from './publish-report-needs.js';
export { createOffer } from './create-offer.js';
export { withdrawOrganisationOffers } from './withdraw-organisation-offers.js';
export { inviteOffer } from './invite-offer.js';
export { acceptMatch } from './accept-match.js';
export { confirmMatch } from './confirm-match.js';
export { updateProject } from './update-project.js';
export { evaluateProject } from './evaluate-project.js';
export { capacityNeedsSearchSource, capacityOffersSearchSource } from './search-source.js';
// What a State's page shows of its needs and offers, as the public sees them.
export { publicCapacityOfState } from './reading.js';
