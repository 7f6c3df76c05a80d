// A real OpenID Connect provider (npm's oidc-provider) for Vooruit's
// single sign-on tests (crates/vooruit/tests/it/sso.rs).
//
// - OIDC_CLIENTS: JSON array of {client_id, client_secret, redirect_uris}.
// - Listens on 127.0.0.1, a free port; prints one line on stdout:
//   `listening http://127.0.0.1:<port>` (the issuer). Logs go to stderr.
// - Anyone named by the authorization request's login_hint logs in without
//   a form: sub "sub-<hint>", email <hint>, email_verified true (false
//   when the hint starts with "unverified+"), name from the local part.
// - PKCE (S256) is required of every client.
// - POST /test/next-id-token {aud?, exp_offset?, nonce?, iss?, tamper?}
//   makes the ID token of the next token response wrong in that way:
//   re-signed with the provider's own key, or with `tamper` the payload
//   changed under the old signature.
import http from 'node:http';

import * as jose from 'jose';

// stdout carries only the listening line (the test stops reading it
// after that); everything else, oidc-provider's notices too, to stderr.
// (oidc-provider is imported dynamically, after this: it warns on import,
// e.g. "Unsupported runtime" on Node.js 20.)
console.log = console.info = console.warn = (...args) => console.error(...args);
const { default: Provider } = await import('oidc-provider');

const KID = 'vooruit-test-1';
const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };

const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]').map((c) => ({
  client_id: c.client_id,
  client_secret: c.client_secret,
  redirect_uris: c.redirect_uris,
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_basic',
}));

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

/** "mira.jansen@x.nl" -> "Mira Jansen" */
function nameOf(email) {
  return email
    .split('@')[0]
    .replace(/^unverified\+/, '')
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  responseTypes: ['code'],
  scopes: ['openid', 'email', 'profile'],
  clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  // PKCE (S256, the only method oidc-provider 9 knows) for every client.
  pkce: { required: () => true },
  // Seconds (set so that oidc-provider does not log a notice per default).
  ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the scopes' claims (the client reads them there).
  conformIdTokenClaims: false,
  cookies: { keys: ['vooruit-test-cookie-key'] },
  async findAccount(_ctx, sub) {
    const email = sub.replace(/^sub-/, '');
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email,
          email_verified: !email.startsWith('unverified+'),
          name: nameOf(email),
        };
      },
    };
  },
});

// What the next token response's ID token must get wrong (one shot).
let spoil = null;

function b64json(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

async function spoiled(idToken, change) {
  const [header, payload, signature] = idToken.split('.');
  const claims = b64json(payload);
  if (change.tamper) {
    claims.email = 'aanvaller@example.org';
    return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  }
  if (change.aud !== undefined) claims.aud = change.aud;
  if (change.nonce !== undefined) claims.nonce = change.nonce;
  if (change.iss !== undefined) claims.iss = change.iss;
  if (change.exp_offset !== undefined) {
    claims.exp = Math.floor(Date.now() / 1000) + change.exp_offset;
    claims.iat = claims.exp - 3600;
  }
  return new jose.SignJWT(claims).setProtectedHeader(b64json(header)).sign(privateKey);
}

provider.use(async (ctx, next) => {
  await next();
  if (spoil && ctx.path === '/token' && ctx.status === 200) {
    const body = typeof ctx.body === 'string' ? JSON.parse(ctx.body) : ctx.body;
    if (body && body.id_token) {
      const change = spoil;
      spoil = null;
      body.id_token = await spoiled(body.id_token, change);
      ctx.body = body;
    }
  }
});

/** Logs in (and consents for) whoever the login_hint names. */
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const hint = details.params.login_hint;
  if (!hint) {
    res.statusCode = 400;
    res.end('this test provider needs a login_hint');
    return;
  }
  const accountId = `sub-${hint}`;
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope('openid email profile');
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: false });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/test/next-id-token') {
      spoil = JSON.parse((await readBody(req)) || '{}');
      res.statusCode = 204;
      res.end();
    } else if (req.url === '/test/health') {
      res.end('ok');
    } else if (req.method === 'GET' && req.url.startsWith('/interaction/')) {
      await interaction(req, res);
    } else {
      callback(req, res);
    }
  } catch (e) {
    console.error(e);
    res.statusCode = 500;
    res.end(String(e));
  }
});

provider.on('server_error', (_ctx, e) => console.error('server_error', e));
function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`listening ${issuer}\n`);
