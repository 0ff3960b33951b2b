// A relying party that signs a resident in with Civis through an off-the-shelf OpenID Connect client
// (panva's openid-client). Nothing here is Civis-specific: discovery tells the library everything.
//
//   node rp.js keys                                   make the client's key pair, print the public JWK
//   node rp.js signin --client ID [--dpop] [ISSUER]   one sign-in: PAR, redirect, code, ID token, userinfo
import { webcrypto as crypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import * as client from 'openid-client';

// Beside the script, git-ignored, 0600: the private key is the client's only credential (no secrets).
const KEY_FILE = new URL('./rp-key.json', import.meta.url);
const EC = { name: 'ECDSA', namedCurve: 'P-256' };
// Registered as the client's redirect URI; loopback, so plain http is allowed.
const CALLBACK = new URL('http://127.0.0.1:9000/cb');

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { client: { type: 'string' }, dpop: { type: 'boolean', default: false } },
});
const [command, issuerArg] = positionals;

if (command === 'keys') {
  // Two P-256 pairs: one signs the client's assertions (ES256); Civis asks every partner that receives
  // attributes for an encryption key too (its e-KYC rule; here it would serve encrypted userinfo).
  const signing = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const encryption = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const exported = async (key) => crypto.subtle.exportKey('jwk', key);
  // 'wx': never overwrite a key a provider may already have registered.
  writeFileSync(
    KEY_FILE,
    JSON.stringify({ signing: await exported(signing.privateKey), encryption: await exported(encryption.privateKey) }),
    { mode: 0o600, flag: 'wx' },
  );
  const pub = async (key) => {
    const { kty, crv, x, y } = await exported(key);
    return { kty, crv, x, y };
  };
  console.log(JSON.stringify({ signing: await pub(signing.publicKey), encryption: await pub(encryption.publicKey) }));
} else if (command === 'signin' && opts.client) {
  await signIn(opts.client, issuerArg ?? process.env.CIVIS_PUBLIC_BASE_URL ?? 'http://127.0.0.1:8080');
} else {
  console.error('usage: node rp.js keys | node rp.js signin --client ID [--dpop] [ISSUER]');
  process.exit(2);
}

async function signIn(clientId, issuer) {
  const privateKey = await crypto.subtle.importKey('jwk', JSON.parse(readFileSync(KEY_FILE, 'utf8')).signing, EC, false, [
    'sign',
  ]);
  const config = await client.discovery(
    new URL(issuer),
    clientId,
    { redirect_uris: [CALLBACK.href] },
    client.PrivateKeyJwt(privateKey),
    // A development server speaks plain http; a real issuer is https and needs no such switch.
    { execute: issuer.startsWith('http:') ? [client.allowInsecureRequests] : [] },
  );
  // With --dpop the access token is bound to this key pair: stolen, it is useless without the key.
  const DPoP = opts.dpop ? client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256')) : undefined;

  // PKCE, state and nonce tie the callback and the ID token to this very attempt.
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // PAR: the parameters go to the provider over an authenticated back channel; the browser only
  // carries an opaque request_uri.
  const authorizationUrl = await client.buildAuthorizationUrlWithPAR(
    config,
    {
      redirect_uri: CALLBACK.href,
      scope: 'openid profile email phone',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    },
    { DPoP },
  );
  console.log(`Open in the resident's browser:\n${authorizationUrl.href}`);

  const callbackUrl = await new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url, CALLBACK);
      if (url.pathname !== CALLBACK.pathname) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Signed in. You may close this page.\n');
      server.close();
      resolve(url);
    });
    server.listen(Number(CALLBACK.port), CALLBACK.hostname);
  });

  // The library checks iss (RFC 9207), state, the code exchange (private_key_jwt + PKCE verifier),
  // and the ID token: signature against the provider's JWKS, iss, aud, exp, nonce.
  const tokens = await client.authorizationCodeGrant(
    config,
    callbackUrl,
    { pkceCodeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
    undefined,
    { DPoP },
  );
  const idToken = tokens.claims();
  console.log(`token_type: ${tokens.token_type}`);
  console.log('ID token claims:', JSON.stringify(idToken));
  // Userinfo must name the same subject as the ID token, which the library checks.
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub, { DPoP });
  console.log('userinfo:', JSON.stringify(userinfo));
}
