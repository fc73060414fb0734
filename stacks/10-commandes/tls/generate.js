// One-shot service: writes a self-signed certificate for localhost into the
// `certs` volume the first time, and does nothing once it exists. The nginx
// image has no openssl binary, hence this small Node job. The private key is
// created at run time inside the volume: it never exists in git or in an image.
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

const dir = process.env.CERTS_DIR ?? '/certs';
const certPath = join(dir, 'cert.pem');
const keyPath = join(dir, 'key.pem');

async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

if ((await exists(certPath)) && (await exists(keyPath))) {
  console.log('certs: certificate already present, nothing to do');
} else {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    days: 365,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await writeFile(certPath, pems.cert, { mode: 0o644 });
  console.log('certs: self-signed certificate for localhost written');
}
