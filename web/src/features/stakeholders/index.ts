/** What other features use of the stakeholders: the stakeholder section of a meeting's or a working group's page. */
export { StakeholderInputs } from './StakeholderInputs';
