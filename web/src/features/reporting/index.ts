/** What other features use of reporting: the cycles. */
export { cyclesQuery } from './queries';
/** The world map of the reporting analysis, reused by capacity-building's analysis (requesting States). */
export { WorldMap } from './charts';
/** The analysis page's first data, which the router asks for with the page's code (app/router.tsx). */
export { analysisFirstData } from './queries';
