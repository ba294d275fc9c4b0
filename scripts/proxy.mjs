/** A tiny Koa middleware that forwards the given path prefixes to another origin (the emulator's Finesse side). */
import http from 'node:http';

export function proxyTo(target, prefixes) {
  const base = new URL(target);
  return function proxy(ctx, next) {
    if (!prefixes.some((p) => ctx.path.startsWith(p))) return next();
    ctx.respond = false;
    return new Promise((resolve) => {
      const upstream = http.request(
        { host: base.hostname, port: base.port, path: ctx.url, method: ctx.method, headers: { ...ctx.req.headers, host: base.host } },
        (res) => {
          ctx.res.writeHead(res.statusCode ?? 502, res.headers);
          res.pipe(ctx.res);
          res.on('end', resolve);
        },
      );
      upstream.on('error', (e) => {
        ctx.res.writeHead(502, { 'content-type': 'text/plain' });
        ctx.res.end(`emulator proxy: ${e.message}`);
        resolve();
      });
      ctx.req.pipe(upstream);
    });
  };
}
