/** What other features use of the documents: a table of documents and their labels. */
export { DocumentsTable } from './parts';
export { useDocumentLabels } from './queries';
