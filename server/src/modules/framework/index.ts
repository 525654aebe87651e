export { frameworkRoutes } from './routes.js';
export { loadFrameworkReference } from './reference.js';
export { frameworkPolicy } from './policy.js';
export { ELEMENT_KINDS, PILLAR_OF, type ElementKind, type ElementTexts } from './elements.js';
export { applyOutcomeToFramework, existingElementCodes, type OutcomeForFramework } from './apply-outcome.js';
export { elementKindsInForce, frameworkSnapshot } from './reading.js';
export { frameworkSearchSource } from './search-source.js';
