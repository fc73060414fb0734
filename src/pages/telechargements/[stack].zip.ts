import type { APIRoute, GetStaticPaths } from 'astro';
import { listStacks, zipStack } from './_stack-archive.ts';

export const getStaticPaths = (() => listStacks().map((stack) => ({ params: { stack } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const stack = params['stack'] ?? '';
  // A copy in a fresh ArrayBuffer: Response's BodyInit does not accept a Uint8Array over ArrayBufferLike.
  return new Response(new Uint8Array(zipStack(stack)), { headers: { 'content-type': 'application/zip' } });
};
