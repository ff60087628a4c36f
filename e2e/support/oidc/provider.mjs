// A real OpenID Connect provider (oidc-provider) for the single sign-on tests, run as its own
// process: oidc-provider is an ES module, and the tests run as CommonJS under jest. Its settings
// come as JSON in OIDC_PROVIDER_SETTINGS; it prints "listening <issuer>" when it is ready.
// Sign-in uses oidc-provider's development interactions: any login name, any password.
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_PROVIDER_SETTINGS ?? '{}');
const issuer = `http://127.0.0.1:${settings.port}`;
/** The claims of each login name: roles from settings.roles, the rest derived from the name. */
const claimsOf = (sub) => ({
  sub,
  preferred_username: sub,
  email: sub,
  name: settings.names?.[sub] ?? sub.split('@')[0],
  ...(settings.roles?.[sub] ? { roles: settings.roles[sub] } : {}),
});

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: settings.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub', 'amr'], profile: ['name', 'preferred_username', 'roles'], email: ['email'] },
  // The profile claims go in the ID token itself, as Entra ID puts them there.
  conformIdTokenClaims: false,
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => claimsOf(sub) }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['keyward-tests-only-cookie-key-0001'] },
});
// How a login name authenticated (the ID token's amr, RFC 8176), as Entra ID says ["pwd", "mfa"]
// after MFA: the development sign-in page says nothing of it, so the session is told here.
const loginAccount = provider.Session.prototype.loginAccount;
provider.Session.prototype.loginAccount = function (details) {
  return loginAccount.call(this, { ...details, amr: settings.amr?.[details.accountId] ?? details.amr });
};
provider.on('server_error', (_ctx, error) => console.error('server_error', error));
provider.listen(settings.port, '127.0.0.1', () => console.log(`listening ${issuer}`));
