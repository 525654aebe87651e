import { useTranslation } from '../../app/i18n';
import type { Role } from '../../api/client';

/** A role's name in the page's language. */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => {
    switch (role) {
      case 'secretariat':
        return t('roles.secretariat');
      case 'chair':
        return t('roles.chair');
      case 'focal_point':
        return t('roles.focal_point');
      case 'delegate':
        return t('roles.delegate');
      case 'stakeholder':
        return t('roles.stakeholder');
      case 'poc':
        return t('contacts.roleName');
    }
  };
}
