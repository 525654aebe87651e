/** What other features use of the accounts: the shape of an e-mail address, checked before sending. */
export { looksLikeEmail } from './validation';
