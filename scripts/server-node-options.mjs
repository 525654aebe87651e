// The node options the platform runs with (npm start, and the bench, which measures what npm start runs).
// Decided from measurements: README, "Memory and start-up".
export const NODE_OPTIONS_FOR_SERVER = [];
