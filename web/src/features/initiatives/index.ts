/** What other features use of the initiatives: "who else works on this", for a framework element's page. */
export { WhoElseWorksOnThis } from './WhoElseWorksOnThis';
