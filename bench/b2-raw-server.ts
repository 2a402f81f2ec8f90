/**
 * The baseline server of bench B2: a plain Node HTTP server on loopback that stores a PUT body in
 * a file and serves it back on GET — no authentication, no hashing, no fsync. Run as its own
 * process (like the relay) with `npx tsx bench/b2-raw-server.ts <dir>`; prints its URL.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2] ?? '.';
const server = http.createServer((req, res) => {
  const file = path.join(dir, 'upload.bin');
  if (req.method === 'PUT') {
    pipeline(req, fs.createWriteStream(file)).then(
      () => res.end('{}'),
      () => res.destroy(),
    );
    return;
  }
  res.writeHead(200, { 'content-length': fs.statSync(file).size });
  fs.createReadStream(file).pipe(res);
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  console.log(`listening on http://127.0.0.1:${a.port}`);
});
