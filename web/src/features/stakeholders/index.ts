/** What other features use of the stakeholders: a meeting page's stakeholder section. */
export { StakeholderInputs } from './StakeholderInputs';
