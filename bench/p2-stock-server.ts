/**
 * P2 baseline: the stock y-websocket server (`setupWSConnection` of @y/websocket-server 0.1.1,
 * in memory, no persistence, no auth) on a ws 8 server, as TOOLCHAIN.md recommends. Run as a
 * child process by bench/p2-relay.ts; prints `listening on ws://127.0.0.1:PORT` on stdout.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening on ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
