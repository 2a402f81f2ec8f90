/** English counted nouns (`count.<noun>`), used wherever the UI or a report counts records. */
export const countMessages = {
  'count.seizures': '{count, plural, one {# seizure} other {# seizures}}',
  'count.cases': '{count, plural, one {# case} other {# cases}}',
  'count.rows': '{count, plural, one {# row} other {# rows}}',
  'count.members': '{count, plural, one {# member} other {# members}}',
} as const;
