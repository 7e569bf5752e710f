import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  cert: string;
  key: string;
  /** The certificate as a PEM file: for NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE or a client's `ca`. */
  caCertPath: string;
}

let shared: Promise<Certificate> | undefined;

/** One certificate per process: emulators started by the same test process share it (key generation is the slow part). */
export function createCertificate(): Promise<Certificate> {
  shared ??= generateCertificate();
  return shared;
}

/** A self-signed certificate for 127.0.0.1 (SAN IP:127.0.0.1; Python's ssl requires the SAN). */
async function generateCertificate(): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const directory = mkdtempSync(join(tmpdir(), 'foundry-emulator-'));
  const caCertPath = join(directory, 'emulator-ca.pem');
  writeFileSync(caCertPath, pems.cert);
  return { cert: pems.cert, key: pems.private, caCertPath };
}
