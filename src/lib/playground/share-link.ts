import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { validateFileName } from './files.ts';

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
      error: `Ce projet est trop gros pour un lien de partage (${fragment.length} caractères, au plus ${MAX_FRAGMENT_CHARS}) : téléchargez-le en .zip et envoyez l'archive.`,
    };
  }
  return { ok: true, fragment };
}

export type DecodeResult = { ok: true; files: Record<string, string> } | { ok: false; error: string } | { ok: 'none' };

const BROKEN = "Ce lien de partage est incomplet ou abîmé (il a peut-être été coupé en le copiant) : le projet partagé ne peut pas être ouvert. Votre propre projet n'a pas été modifié.";

/** Reads `location.hash`; `none` when it carries no shared project. */
export function decodeShare(hash: string): DecodeResult {
  if (!hash.startsWith(SHARE_PREFIX)) return { ok: 'none' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_FRAGMENT_CHARS || !/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, error: BROKEN };
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflateSync(fromBase64Url(payload))));
  } catch {
    return { ok: false, error: BROKEN };
  }
  const parsed = shareSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: BROKEN };
  const entries = Object.entries(parsed.data.files);
  if (entries.length === 0 || entries.some(([path]) => !validateFileName(path).ok)) return { ok: false, error: BROKEN };
  return { ok: true, files: parsed.data.files };
}
