/**
 * The catcher: a tiny HTTP server on its own loopback port that plays "a host someone named in a gadget
 * parameter". It answers everything (CORS preflights included, so a gadget that did try would really send its
 * Authorization header) and records every request. A web-test-runner plugin: tests read the catcher's origin
 * and what it saw from /__catcher (?clear forgets it first).
 */
import http from 'node:http';

export function catcherPlugin() {
  const seen = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, path: req.url, authorization: req.headers.authorization ?? null });
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Content-Type': 'application/json',
    });
    res.end(req.method === 'OPTIONS' ? undefined : '{}');
  });
  return {
    name: 'cx-catcher',
    async serverStart() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
    serve(ctx) {
      if (ctx.path !== '/__catcher') return undefined;
      if (ctx.query.clear !== undefined) seen.length = 0;
      return { body: JSON.stringify({ origin, requests: seen }), type: 'json' };
    },
  };
}
