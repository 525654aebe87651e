import { useTranslation } from '../../app/i18n';
import { api, unwrap, type paths } from '../../api/client';
import type { Language } from '../../app/languages';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type DocumentList = Json<'/api/v1/documents', 'get'>;
export type DocumentItem = DocumentList['items'][number];
export type DocumentDetail = Json<'/api/v1/documents/{id}', 'get'>;
export type DocumentType = DocumentItem['type'];
export type LocalizedText = DocumentItem['title'];
export type HistoryItem = Json<'/api/v1/documents/{id}/history', 'get'>['items'][number];
export type UploadSettings = Json<'/api/v1/documents/settings', 'get'>;

export const DOCUMENT_TYPES: DocumentType[] = ['agenda', 'report', 'working-paper', 'conference-room-paper', 'information-note', 'statement', 'draft', 'outcome'];
export const isDocumentType = (value: string | null): value is DocumentType => DOCUMENT_TYPES.includes(value as DocumentType);
export const isYear = (value: string | null): value is string => !!value && /^\d{4}$/.test(value);
export const isUuid = (value: string | null): value is string => !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export const documentsQuery = ({ q, type, meeting, year }: { q: string; type: DocumentType | undefined; meeting: string | undefined; year: string | undefined }) => ({
  queryKey: ['documents', 'list', q, type ?? null, meeting ?? null, year ?? null] as const,
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/documents', {
        params: { query: { limit: 100, ...(q ? { q } : {}), ...(type ? { type } : {}), ...(meeting ? { meeting } : {}), ...(year ? { year: Number(year) } : {}) } },
      }),
    ),
  staleTime: 30_000,
});

export const documentQuery = (id: string) => ({
  queryKey: ['documents', 'one', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id } } })),
  staleTime: 30_000,
});

export const historyQuery = (id: string) => ({
  queryKey: ['documents', 'history', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/documents/{id}/history', { params: { path: { id } } })),
  staleTime: 30_000,
});

export const settingsQuery = () => ({
  queryKey: ['documents', 'settings'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/documents/settings')),
  staleTime: 10 * 60_000,
});

export const nextSymbolQuery = (type: DocumentType, date: string) => ({
  queryKey: ['documents', 'next-symbol', type, date] as const,
  queryFn: () => unwrap(api.GET('/api/v1/documents/next-symbol', { params: { query: { type, ...(date ? { date } : {}) } } })),
  staleTime: 0,
});

/** A text in the page's language, or the English one marked as a fallback. */
export { inLanguage } from '../../ui/localized';

const TYPE_KEYS = {
  agenda: 'documents.types.agenda',
  report: 'documents.types.report',
  'working-paper': 'documents.types.working-paper',
  'conference-room-paper': 'documents.types.conference-room-paper',
  'information-note': 'documents.types.information-note',
  statement: 'documents.types.statement',
  draft: 'documents.types.draft',
  outcome: 'documents.types.outcome',
} as const;

export function useDocumentLabels() {
  const { t } = useTranslation();
  return { type: (type: DocumentType) => t(TYPE_KEYS[type]) };
}



/** A size in bytes, in the page's language: `240 kB`, `10 MB`. */
export function formatSize(bytes: number, lang: Language): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / mb);
  if (bytes >= 1024) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(bytes / 1024);
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte' }).format(bytes);
}

/** The name of a language in the page's language. */
export function useLanguageName(lang: Language): (language: string) => string {
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  return (language: string) => names.of(language) ?? language;
}
