/**
 * English words of the renderer's formatting and form helpers: relative times (`ui.format.*`) and
 * the messages of what users type into fields (`ui.forms.*`).
 */
export const uiFormatMessages = {
  'ui.format.just-now': 'just now',
  'ui.format.minutes-ago': '{count, number} min ago',
  'ui.format.hours-ago': '{count, number} h ago',
  'ui.format.days-ago': '{count, plural, one {# day ago} other {# days ago}}',
  // A long value from a file, cut in a message (shared/messages/quote-value.ts).
  'format.value-cut': '{start}… ({count, plural, one {# character} other {# characters}})',
  'ui.forms.number-like': 'Must be a number written like {example}',
  'ui.forms.not-valid': 'is not valid',
} as const;
