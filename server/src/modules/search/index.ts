export { searchRoutes } from './routes.js';
export { searchPolicy } from './policy.js';
export { searchEverything } from './search.js';
export { SEARCH_KINDS, type SearchKind, type SearchScope, type SearchSource } from './source.js';
// The matching the framework's own search ("as of" a date) shares.
export { planQuery, type SearchPlan } from './query.js';
export { matcherOf, searchedIn, tsQueryText, type Matcher, type Searched } from './match.js';
export { highlight, type Highlighted } from './highlight.js';
