/** The message catalogue and its formatter: `t('area.what', { count })`. See format.ts. */
export { t, setLocale, currentLocale, isMessageId, type MessageId, type MessageValues } from './format';
export { en } from './en';
export { quoteValue, QUOTED_VALUE_MAX } from './quote-value';
