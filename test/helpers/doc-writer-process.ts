/**
 * Child process for the concurrent-compaction test: opens the same SQLite file with its own doc
 * store and appends `count` updates (map key `w<i>` = i) to doc `name`, as a second process
 * would. Usage: node --import tsx doc-writer-process.ts <file> <name> <count>; prints "done".
 */
import * as Y from 'yjs';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';

const [file, name, countArg] = process.argv.slice(2) as [string, string, string];
const count = Number(countArg);
const store = new SqliteDocLog(openDatabase(file));
const doc = new Y.Doc();
doc.on('update', (u: Uint8Array) => store.appendUpdate(name, u, 'other-process'));
let i = 0;
const step = (): void => {
  for (const end = Math.min(i + 25, count); i < end; i++) doc.getMap('m').set(`w${i}`, i);
  if (i < count) setTimeout(step, 1);
  else {
    store.close();
    process.stdout.write('done\n');
  }
};
step();
