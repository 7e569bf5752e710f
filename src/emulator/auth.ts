import { randomBytes } from 'node:crypto';
import type { Reply } from './arm';

export interface Identity {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const TOKEN_LIFETIME_SECONDS = 3600;

/**
 * The ADFS-style identity endpoint (`/adfs`): MSAL (Node and Python) treats an authority ending in `/adfs` as
 * ADFS, so it skips instance discovery and reads `/adfs/.well-known/openid-configuration`. Tokens are opaque.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, number>();

  constructor(
    readonly identity: Identity,
    private readonly baseUrl: () => string,
  ) {}

  isValid(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  openIdConfiguration(): Reply {
    const adfs = `${this.baseUrl()}/adfs`;
    return {
      status: 200,
      body: {
        issuer: adfs,
        access_token_issuer: adfs,
        authorization_endpoint: `${adfs}/oauth2/authorize`,
        token_endpoint: `${adfs}/oauth2/token`,
        device_authorization_endpoint: `${adfs}/oauth2/devicecode`,
        end_session_endpoint: `${adfs}/oauth2/logout`,
        jwks_uri: `${adfs}/discovery/keys`,
        userinfo_endpoint: `${adfs}/userinfo`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'token'],
        response_modes_supported: ['query', 'fragment', 'form_post'],
        grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'device_code'],
        subject_types_supported: ['pairwise'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        claims_supported: ['aud', 'iss', 'iat', 'exp', 'sub', 'oid', 'tid'],
      },
    };
  }

  /** Instance discovery, for a client that asks anyway: the emulator is its own, single-host cloud. */
  instanceDiscovery(): Reply {
    const host = new URL(this.baseUrl()).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${this.baseUrl()}/adfs/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  /** `POST /adfs/oauth2/token`: client_credentials with the demo service principal's id and secret. */
  issue(form: URLSearchParams, authorization: string | undefined): Reply {
    const basic = parseBasic(authorization);
    const clientId = form.get('client_id') ?? basic?.id;
    const clientSecret = form.get('client_secret') ?? basic?.secret;
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        `MSIS9611: The emulator supports only grant_type=client_credentials, not '${grantType ?? ''}'.`,
      );
    }
    if (clientId !== this.identity.clientId || clientSecret !== this.identity.clientSecret) {
      return oauthError(
        401,
        'invalid_client',
        'MSIS9622: Client authentication failed. Please verify the client id and secret of the service principal.',
      );
    }
    const token = `emu_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
    const resource = form.get('resource') ?? form.get('scope') ?? '';
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        access_token: token,
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        expires_on: Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS,
        resource,
        scope: form.get('scope') ?? undefined,
      },
    };
  }
}

function parseBasic(authorization: string | undefined): { id: string; secret: string } | undefined {
  if (!authorization?.toLowerCase().startsWith('basic ')) return undefined;
  const [id, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
  return { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) };
}

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: {
    error,
    error_description: description,
    error_codes: [status === 401 ? 7000215 : 900144],
    timestamp: new Date().toISOString(),
  },
});

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/** `GET /metadata/endpoints`: the 2015-01-01 shape az reads with --endpoint-resource-manager; newer versions list clouds. */
export function metadataEndpoints(baseUrl: string, apiVersion: string): Reply {
  const root = `${baseUrl}/`;
  const cloud = {
    galleryEndpoint: root,
    graphEndpoint: root,
    portalEndpoint: root,
    batchResourceId: root,
    authentication: { loginEndpoint: `${baseUrl}/adfs`, audiences: [root], tenant: 'adfs', identityProvider: 'ADFS' },
  };
  if (apiVersion === '2015-01-01') return { status: 200, body: cloud };
  return {
    status: 200,
    body: [
      {
        name: 'Local',
        resourceManager: root,
        authentication: {
          loginEndpoint: `${baseUrl}/adfs`,
          audiences: [root],
          tenant: 'adfs',
          identityProvider: 'ADFS',
        },
        suffixes: { storage: 'core.windows.net', keyVaultDns: 'vault.azure.net', acrLoginServer: 'azurecr.io' },
        gallery: root,
        graph: root,
        portal: root,
      },
    ],
  };
}
