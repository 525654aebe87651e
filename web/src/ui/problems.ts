import { i18n } from '../app/i18n';
import { ApiProblem } from '../api/client';

/** A problem from the API in the page's language; the server's own words are in English only. */
export function problemMessage(error: unknown): string {
  const t = i18n.t.bind(i18n);
  if (!(error instanceof ApiProblem)) return t('problems.unexpected');
  switch (error.kind) {
    case 'network':
      return t('problems.network');
    case 'sign-in-failed':
      return t('problems.signInFailed');
    case 'second-factor-required':
      return t('problems.secondFactorRequired');
    case 'too-many-requests':
      return typeof error.extensions.retryAfterSeconds === 'number'
        ? t('signInLimits.tooManyFromHere', { seconds: error.extensions.retryAfterSeconds })
        : t('problems.tooManyRequests');
    case 'sign-in-locked':
      return t('signInLimits.locked');
    case 'second-factor-setup-required':
      return t('signInLimits.secondFactorSetup');
    case 'unauthenticated':
      return t('problems.unauthenticated');
    case 'forbidden':
      return t('problems.forbidden');
    case 'csrf':
      return t('problems.csrf');
    case 'not-found':
      return t('problems.notFound');
    case 'gone':
      return t('problems.gone');
    case 'validation':
      return t('problems.validation');
    case 'precondition-failed':
      return t('problems.preconditionFailed');
    case 'conflict':
      return t('problems.conflict');
    default:
      return error.status >= 500 ? t('problems.server') : t('problems.unexpected');
  }
}
