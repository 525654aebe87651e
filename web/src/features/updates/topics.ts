/** The topics a person may choose to hear of. */
export const TOPICS = ['meetings', 'documents', 'outcomes', 'reporting'] as const;
export type Topic = (typeof TOPICS)[number];
/** Each topic's label key written out, so that the locale check sees every key used. */
export const TOPIC_LABELS = {
  meetings: 'updates.topic.meetings',
  documents: 'updates.topic.documents',
  outcomes: 'updates.topic.outcomes',
  reporting: 'updates.topic.reporting',
} as const satisfies Record<Topic, string>;
