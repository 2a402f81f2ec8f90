/**
 * CSV reading for every importer: the reader (read-csv.ts) and the one rejection type
 * (rejection.ts).
 */
export { cellCountRejection, countLineBreaks, readCsv, unclosedQuoteRejection, type CsvRead, type CsvRecord, type ReadCsvOptions } from './read-csv';
export { describeRejections, reasonWithFix, rowRejection, type Rejection } from './rejection';
