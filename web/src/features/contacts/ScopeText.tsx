import { useTranslation } from '../../app/i18n';
import { LocalizedList, Sentence } from '../../ui/localized';
import { useGroupLabel } from '../states';
import { ROLE_LABEL } from './labels';
import { useStateNames } from './state-names';

/** What a check covered, in words: every POC, a regional group's, some States' (named to the Secretariat alone), one role's. */
export function ScopeText({ scope }: { scope: Record<string, unknown> }) {
  const { t } = useTranslation();
  const groupLabel = useGroupLabel();
  const states = useStateNames();
  switch (scope.kind) {
    case 'group':
      return <>{t('contacts.checks.scopeGroup', { group: groupLabel(scope.group as 'AG') })}</>;
    case 'states':
      return Array.isArray(scope.states) ? (
        <Sentence i18nKey="contacts.checks.scopeStates" values={{ states: <LocalizedList items={scope.states.map((s) => <span key={String(s)}>{states.label(String(s))}</span>)} /> }} />
      ) : (
        <>{t('contacts.checks.scope.states')}</>
      );
    case 'role':
      return <>{t('contacts.checks.scopeRole', { role: t(ROLE_LABEL[scope.role === 'diplomatic' ? 'diplomatic' : 'technical']) })}</>;
    default:
      return <>{t('contacts.checks.scope.all')}</>;
  }
}
