/** The locale keys of the crisis line's fixed vocabularies, written out so that every key is seen in the source. */
export const KIND_LABEL = {
  'incident-notification': 'contacts.kind.incident-notification',
  'request-for-information': 'contacts.kind.request-for-information',
  'request-for-assistance': 'contacts.kind.request-for-assistance',
  acknowledgement: 'contacts.kind.acknowledgement',
  reply: 'contacts.kind.reply',
  closure: 'contacts.kind.closure',
} as const;
export const URGENCY_LABEL = { routine: 'contacts.urgency.routine', priority: 'contacts.urgency.priority', urgent: 'contacts.urgency.urgent' } as const;
export const STATUS_LABEL = {
  sent: 'contacts.status.sent',
  delivered: 'contacts.status.delivered',
  read: 'contacts.status.read',
  acknowledged: 'contacts.status.acknowledged',
  answered: 'contacts.status.answered',
  closed: 'contacts.status.closed',
} as const;
export const ROLE_LABEL = { diplomatic: 'contacts.role.diplomatic', technical: 'contacts.role.technical' } as const;
export const BUCKET_LABEL = { '1h': 'contacts.checks.bucket.1h', '24h': 'contacts.checks.bucket.24h', '72h': 'contacts.checks.bucket.72h', never: 'contacts.checks.bucket.never' } as const;
export const WEEKDAY_LABEL = {
  1: 'contacts.weekday.1',
  2: 'contacts.weekday.2',
  3: 'contacts.weekday.3',
  4: 'contacts.weekday.4',
  5: 'contacts.weekday.5',
  6: 'contacts.weekday.6',
  7: 'contacts.weekday.7',
} as const;
/** An ISO weekday, 1 = Monday. */
export type Weekday = keyof typeof WEEKDAY_LABEL;
export const CHANGE_LABEL = { nominate: 'contacts.history.change.nominate', update: 'contacts.history.change.update', withdraw: 'contacts.history.change.withdraw' } as const;
export const SCOPE_LABEL = { all: 'contacts.checks.scope.all', group: 'contacts.checks.scope.group', states: 'contacts.checks.scope.states', role: 'contacts.checks.scope.role' } as const;
export const READER_ROLE_LABEL = { secretariat: 'roles.secretariat', focal_point: 'roles.focal_point', poc: 'contacts.roleName' } as const;
