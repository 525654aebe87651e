export { accountsRoutes } from './routes.js';
export { openSession, resolveSession, type NewSession, type SessionRules } from './sessions.js';
export { inviteAccount } from './invitations.js';
export { currentTotp } from './credentials.js';
export { accountNames, focalPointContacts, mailLanguages, type Contact } from './contacts.js';
