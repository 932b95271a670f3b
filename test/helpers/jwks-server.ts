import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/** A signing key of an identity provider: the private half signs, the public JWK is served. */
export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  /** The public key as served in the key set (with `kid`, `alg`, `use`). */
  jwk: JWK;
}

/** Makes a fresh key pair for `alg`, named `kid`. */
export async function newSigningKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A tiny identity provider key endpoint on a free loopback port. */
export interface JwksServer {
  /** Where the key set is served (any path answers it). */
  url: string;
  /** Replaces the served key set (key rotation). */
  serve(keys: readonly SigningKey[]): void;
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** Serves `{ keys: [...] }` for the given keys until closed. */
export async function startJwksServer(keys: readonly SigningKey[]): Promise<JwksServer> {
  let body = '';
  let fetches = 0;
  const serve = (next: readonly SigningKey[]): void => {
    body = JSON.stringify({ keys: next.map((key) => key.jwk) });
  };
  serve(keys);
  const server = createServer((_request, response) => {
    fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    serve,
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
