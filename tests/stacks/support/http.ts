import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:tls';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request, no redirect following, self-signed certificates accepted.
 * node:http rather than fetch: fetch cannot skip certificate checks without
 * undici's Agent, which is not a dependency of the project.
 */
export function request(url: string, init: { method?: string; body?: unknown; timeoutMs?: number } = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: init.method ?? 'GET',
        rejectUnauthorized: false,
        timeout: init.timeoutMs ?? 10_000,
        headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${init.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function json<T>(response: HttpResponse): T {
  return JSON.parse(response.text) as T;
}

/** The protocol the server picks by ALPN when offered h2 and http/1.1. */
export function negotiatedProtocol(port: number): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false }, () => {
      const protocol = socket.alpnProtocol ?? false;
      socket.end();
      resolve(protocol);
    });
    socket.on('error', reject);
  });
}
