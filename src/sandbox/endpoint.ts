/** What the hubs view needs to sign in against the running sandbox. Never logged: it holds the client secret. */
export interface SandboxEndpoint {
  /** `https://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** The emulator's self-signed certificate (PEM): trusted by this connection only, through `tlsOptions`. */
  readonly certificate: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}
