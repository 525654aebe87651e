/** What the app shell uses of the search: the header's search box. The results page is a route of its own. */
export { HeaderSearch } from './HeaderSearch';
