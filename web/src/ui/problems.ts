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

/** What the form sent, when the title depends on it: sign-in failing after a code was asked for means the code was wrong. */
export interface ProblemContext {
  codeSent?: boolean;
}

const PASSWORD_FIELDS = /(^|\.)(password|currentPassword)$/;
const CODE_FIELDS = /(^|\.)(otp|code|recoveryCode)$/;

/**
 * The title of a problem from the API, saying what happened (wrong password, wrong code, not allowed,
 * not found, conflict, too many attempts), in the page's language: the one place the web maps the
 * server's problem types to titles, for alerts and notifications alike.
 */
export function problemTitle(error: unknown, context: ProblemContext = {}): string {
  const t = i18n.t.bind(i18n);
  if (!(error instanceof ApiProblem)) return t('errors.title');
  switch (error.kind) {
    case 'network':
      return t('problems.titles.network');
    case 'sign-in-failed':
      return context.codeSent ? t('problems.titles.wrongCode') : t('problems.titles.wrongPassword');
    case 'too-many-requests':
    case 'sign-in-locked':
      return t('problems.titles.tooManyAttempts');
    case 'unauthenticated':
    case 'second-factor-required':
    case 'second-factor-setup-required':
      return t('problems.titles.signInNeeded');
    case 'forbidden':
    case 'csrf':
    case 'not-accredited':
      return t('problems.titles.notAllowed');
    case 'not-found':
      return t('problems.titles.notFound');
    case 'gone':
      return t('problems.titles.gone');
    case 'precondition-failed':
      return t('problems.titles.changed');
    case 'validation': {
      if (error.errors.some((e) => PASSWORD_FIELDS.test(e.field) && e.message === 'not right')) return t('problems.titles.wrongCurrentPassword');
      if (error.errors.some((e) => CODE_FIELDS.test(e.field) && e.message === 'not right')) return t('problems.titles.wrongCode');
      return t('problems.titles.invalid');
    }
    default:
      if (error.status === 409) return t('problems.titles.conflict');
      if (error.status === 403) return t('problems.titles.notAllowed');
      if (error.status === 404) return t('problems.titles.notFound');
      if (error.status === 429) return t('problems.titles.tooManyAttempts');
      return error.status >= 500 ? t('problems.titles.server') : t('errors.title');
  }
}
