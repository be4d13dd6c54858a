/**
 * The inbox's sign-in settings from the environment (see server/README.md, "Staff sign-in"):
 *
 *   INBOX_TOTP_KEY      32 bytes (64 hex digits or base64) that seal TOTP secrets
 *   OIDC_ISSUER         the identity provider; with it OIDC_CLIENT_ID is required
 *   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_GROUPS_CLAIM,
 *   OIDC_ADMIN_GROUP, OIDC_NAME_CLAIM, OIDC_SCOPE, OIDC_LABEL
 */
import { parseTotpKey } from './totp.js';

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ totpKey?: Buffer, oidc?: import('./oidc.js').OidcOptions }} only what is set
 */
export function inboxOptionsFromEnv(env) {
  const options = {};
  if (env.INBOX_TOTP_KEY) options.totpKey = parseTotpKey(env.INBOX_TOTP_KEY);
  if (env.OIDC_ISSUER) {
    if (!env.OIDC_CLIENT_ID) throw new Error('OIDC_ISSUER is set but OIDC_CLIENT_ID is not');
    const oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      redirectUri: env.OIDC_REDIRECT_URI,
      groupsClaim: env.OIDC_GROUPS_CLAIM,
      adminGroup: env.OIDC_ADMIN_GROUP,
      nameClaim: env.OIDC_NAME_CLAIM,
      scope: env.OIDC_SCOPE,
      label: env.OIDC_LABEL,
    };
    options.oidc = Object.fromEntries(Object.entries(oidc).filter(([, v]) => v));
  }
  return options;
}
