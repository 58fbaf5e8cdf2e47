/**
 * `theodoi serve`: serves every registered Cloud Function on one local port, at /<functionName> — the event functions
 * too, for a Pub/Sub emulator's push subscription (syncDirectiveEvent on the sync topic).
 */
import { createServer, type Server } from 'node:http';
import { Command, Option } from 'commander';

/** Starts one HTTP server dispatching /<name>/… to the Functions Framework app of each function. */
export async function serveFunctions(
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const [{ FUNCTION_NAMES, EVENT_FUNCTION_NAMES }, { functionTestServer }] = await Promise.all([
    import('@theodoi/functions/index'),
    import('@theodoi/test-kit/function-server'),
  ]);
  const names: string[] = [...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES];
  const apps = new Map(names.map((name) => [name, functionTestServer(name)]));
  const server = createServer((req, res) => {
    const [, first = '', ...rest] = (req.url ?? '/').split('/');
    const app = apps.get(first);
    if (!app) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `No function "${first}". Functions: ${names.join(', ')}` }));
      return;
    }
    req.url = `/${rest.join('/')}`;
    app.emit('request', req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actual}` };
}

/** The `serve` command. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve every function locally (Functions Framework), each at http://HOST:PORT/<function>.')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT').default('8080'))
    .action(async (opts: { port: string }) => {
      const { FUNCTION_NAMES, EVENT_FUNCTION_NAMES } = await import('@theodoi/functions/index');
      const { url } = await serveFunctions(Number(opts.port));
      for (const name of [...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES]) console.log(`${name}: ${url}/${name}`);
    });
}
