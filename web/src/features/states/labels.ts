import { useTranslation } from '../../app/i18n';
import type { RegionalGroupId } from '../../api/client';

/** A UN regional group's name in the page's language. */
export function useGroupLabel(): (id: RegionalGroupId | null) => string {
  const { t } = useTranslation();
  return (id) => {
    switch (id) {
      case 'AG':
        return t('groups.AG');
      case 'APG':
        return t('groups.APG');
      case 'EEG':
        return t('groups.EEG');
      case 'GRULAC':
        return t('groups.GRULAC');
      case 'WEOG':
        return t('groups.WEOG');
      default:
        return t('groups.none');
    }
  };
}

/** A regional group's official name, in the page's language. */
export function useGroupOfficialName(): (id: RegionalGroupId) => string {
  const { t } = useTranslation();
  return (id) => {
    switch (id) {
      case 'AG':
        return t('groups.official.AG');
      case 'APG':
        return t('groups.official.APG');
      case 'EEG':
        return t('groups.official.EEG');
      case 'GRULAC':
        return t('groups.official.GRULAC');
      case 'WEOG':
        return t('groups.official.WEOG');
    }
  };
}

/** Folds text for matching as the server does: case and accents ignored, any script. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
