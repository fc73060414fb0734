import { createClient } from 'redis';

// Chapter 05 adds the cache. It is an optimisation, never a dependency: every
// call below resolves (to null/false) instead of throwing, within CACHE_TIMEOUT_MS,
// so a Redis outage slows nothing and fails no request.
const CACHE_TIMEOUT_MS = 300;
const url = process.env.REDIS_URL;

let client;
if (url) {
  client = createClient({
    url,
    password: process.env.REDIS_PASSWORD || undefined,
    // Fail fast while disconnected instead of queueing commands until Redis returns.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 5000),
    },
  });
  let lastError = '';
  client.on('error', (error) => {
    // node-redis emits one error per reconnect attempt; log only changes.
    if (error.message !== lastError) console.error('redis:', error.message);
    lastError = error.message;
  });
  client.on('ready', () => {
    lastError = '';
    console.log('redis: connected');
  });
  client.connect().catch(() => {});
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('cache timeout')), CACHE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function safely(command, fallback) {
  if (!client?.isReady) return fallback;
  try {
    return await withTimeout(command(client));
  } catch {
    return fallback;
  }
}

/** Returns the parsed value, or null on a miss, a disabled cache or a Redis failure. */
export async function cacheGet(key) {
  const text = await safely((c) => c.get(key), null);
  return text === null ? null : JSON.parse(text);
}

export async function cacheSet(key, value, ttlSeconds) {
  await safely((c) => c.set(key, JSON.stringify(value), { EX: ttlSeconds }), null);
}

export async function cacheDelete(...keys) {
  await safely((c) => c.del(keys), null);
}

/** 'disabled' when no REDIS_URL is set (chapters before 05), else 'ok' or 'down'. */
export async function pingCache() {
  if (!client) return 'disabled';
  const reply = await safely((c) => c.ping(), null);
  return reply === 'PONG' ? 'ok' : 'down';
}

export async function closeCache() {
  if (client?.isOpen) await client.close().catch(() => {});
}
