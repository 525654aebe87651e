/** What other features use of the framework: its elements as of a date, their labels and texts. */
export { ElementText } from './parts';
export { frameworkQuery, today, useFrameworkLabels, type ElementKind } from './queries';
export { FrameworkCode } from './FrameworkCode';
