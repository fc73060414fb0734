import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { MAX_FILE_BYTES, MAX_PROJECT_BYTES, MAX_PROJECT_FILES, validateFileName } from './files.ts';

// A project travels in the URL fragment (never sent to a server): `#p=` then
// base64url of the deflated JSON `{v:1, files:{path:text}}`.

export const SHARE_PREFIX = '#p=';
/** Longest fragment we produce: longer links get cut by chat apps, mail clients and some browsers. */
export const MAX_FRAGMENT_CHARS = 8000;

const shareSchema = z.object({ v: z.literal(1), files: z.record(z.string(), z.string()) });

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export type EncodeResult = { ok: true; fragment: string } | { ok: false; error: string };

export function encodeShare(files: Record<string, string>): EncodeResult {
  const json = JSON.stringify({ v: 1, files });
  const fragment = SHARE_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      error: `Ce projet est trop gros pour un lien de partage (${fragment.length} caractères, au plus ${MAX_FRAGMENT_CHARS})\u00a0: téléchargez-le en .zip et envoyez l’archive.`,
    };
  }
  return { ok: true, fragment };
}

export type DecodeResult = { ok: true; files: Record<string, string> } | { ok: false; error: string } | { ok: 'none' };

const TOO_BIG = `Ce lien de partage porte un projet plus gros que ce que le bac à sable ouvre (au plus ${MAX_PROJECT_FILES}\u00a0fichiers, ${MAX_FILE_BYTES / 1024}\u00a0Ko par fichier et ${MAX_PROJECT_BYTES / 1024 / 1024}\u00a0Mo en tout)\u00a0: il n’a pas été ouvert. Votre propre projet n’a pas été modifié.`;
/** JSON escapes (`\n`, `\"`) may double a text: room for a project at its limit, not for a bomb. */
const MAX_SHARE_JSON = 2 * MAX_PROJECT_BYTES + 64 * 1024;
const CHUNK = 1024;
const OVERSIZED = Symbol('oversized');

/**
 * Inflates in small chunks and stops past `limit`: a link of 8,000
 * characters can deflate a file of several megabytes (the ratio of deflate
 * reaches ~1,000:1), which is refused before it is ever built.
 */
function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw OVERSIZED;
    parts.push(chunk);
  });
  for (let offset = 0; offset < bytes.length; offset += CHUNK) inflater.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

const BROKEN = "Ce lien de partage est incomplet ou abîmé (il a peut-être été coupé en le copiant)\u00a0: le projet partagé ne peut pas être ouvert. Votre propre projet n’a pas été modifié.";

/** Reads `location.hash`; `none` when it carries no shared project. */
export function decodeShare(hash: string): DecodeResult {
  if (!hash.startsWith(SHARE_PREFIX)) return { ok: 'none' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_FRAGMENT_CHARS || !/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, error: BROKEN };
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflateCapped(fromBase64Url(payload), MAX_SHARE_JSON)));
  } catch (error) {
    return { ok: false, error: error === OVERSIZED ? TOO_BIG : BROKEN };
  }
  const parsed = shareSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: BROKEN };
  const entries = Object.entries(parsed.data.files);
  if (entries.length === 0 || entries.some(([path]) => !validateFileName(path).ok)) return { ok: false, error: BROKEN };
  // The limits of an import, so a link cannot bring what a file picker would refuse.
  const sizes = entries.map(([, text]) => strToU8(text).length);
  if (entries.length > MAX_PROJECT_FILES || sizes.some((size) => size > MAX_FILE_BYTES) || sizes.reduce((a, b) => a + b, 0) > MAX_PROJECT_BYTES) {
    return { ok: false, error: TOO_BIG };
  }
  return { ok: true, files: parsed.data.files };
}
