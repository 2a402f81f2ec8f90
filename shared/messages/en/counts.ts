/** English counted nouns (`count.<noun>`), used wherever the UI or a report counts records. */
export const countMessages = {
  'count.seizures': '{count, plural, one {# seizure} other {# seizures}}',
  'count.cases': '{count, plural, one {# case} other {# cases}}',
  'count.rows': '{count, plural, one {# row} other {# rows}}',
  'count.members': '{count, plural, one {# member} other {# members}}',
  // A quantity with its unit (QuantityUnit): {value} is the number already formatted, {count} picks the plural.
  'count.unit.g': '{value} g',
  'count.unit.kg': '{value} kg',
  'count.unit.t': '{value} t',
  'count.unit.l': '{value} l',
  'count.unit.m3': '{value} m³',
  'count.unit.pieces': '{count, plural, one {{value} piece} other {{value} pieces}}',
  'count.unit.head': '{value} head',
  'count.unit.containers': '{count, plural, one {{value} container} other {{value} containers}}',
} as const;
