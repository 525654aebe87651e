export { accountsRoutes } from './routes.js';
export { openSession } from './open-session.js';
export { resolveSession } from './resolve-session.js';
export type { NewSession, SessionRules } from './sessions.js';
export { acceptInvitation, inviteAccount, needsSecondFactor, offerSecondFactor } from './invitations.js';
export { currentTotp } from './credentials.js';
export { confirmSecondFactor } from './confirm-second-factor.js';
export { accountNames, contactsOf, focalPointContacts, mailLanguages, type Contact } from './contacts.js';
export { PASSWORD_RESET_JOB, passwordResetHandler } from './request-password-reset.js';
