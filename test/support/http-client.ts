import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * A small JSON client over keep-alive sockets, for tests and benches that talk to a spawned
 * server: a refused or reset connection rejects, which is how a caller tells "no answer" from an
 * answer.
 */
export function createHttpClient(baseUrl: string, options: { maxSockets: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const base = new URL(baseUrl);

  function request(method: string, path: string, init: { json?: unknown; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
    const payload = init.json === undefined ? undefined : JSON.stringify(init.json);
    const headers: Record<string, string | number> = { ...init.headers };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text !== '') body = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
