/**
 * Builds the Azure SDK clients from one connection: a credential, a cloud (or a custom ARM endpoint such as the local
 * emulator) and per-request settings. Every client shares the same pipeline additions: the request log, the retry
 * settings and, for an emulator, the CA to trust.
 *
 * Each SDK package is required when its first client is created, not when this module loads: their modules (the
 * network SDK alone is 1.2 MB minified) took most of the time of the first tree expansion, which needs none of them.
 * esbuild still bundles them (the require is static), evaluated on first use.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { TokenCredential } from '@azure/identity';
import { ServiceClient } from '@azure/core-client';
import type { AdditionalPolicyConfig } from '@azure/core-client';
import type { TlsSettings } from '@azure/core-rest-pipeline';
import type * as AuthorizationSdk from './sdk/authorization';
import type * as CognitiveServicesSdk from './sdk/cognitiveServices';
import type * as ContainerRegistrySdk from './sdk/containerRegistry';
import type * as KeyVaultSdk from './sdk/keyVault';
import type * as NetworkSdk from './sdk/network';
import type * as PrivateDnsSdk from './sdk/privateDns';
import type * as SubscriptionsSdk from './sdk/subscriptions';
import type * as StorageSdk from './sdk/storage';
import { withoutTrailingSlashes } from '../model/armIds';
import type { Cloud } from '../model/clouds';
import { CLOUDS, cloudForResourceManagerEndpoint } from '../model/clouds';
import { API_VERSIONS } from './apiVersions';
import type { ArmRequestLogger } from './requestLog';
import { ResourceGraphQuota } from './resourceGraphQuota';
import { requestLogPolicy } from './requestLog';

/** The SDK's default retry policy: 429 and 503 wait for Retry-After; other 5xx, 408 and socket errors back off. */
export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
}

export interface ArmConnectionOptions {
  readonly credential: TokenCredential;
  /** Defaults to the public cloud, or to the cloud that serves `resourceManagerEndpoint`. */
  readonly cloud?: Cloud;
  /** Overrides the cloud's ARM endpoint, e.g. `https://127.0.0.1:PORT/` for the emulator. */
  readonly resourceManagerEndpoint?: string;
  /** Defaults to `<endpoint>/.default`. */
  readonly credentialScopes?: readonly string[];
  readonly requestLogger?: ArmRequestLogger;
  readonly retry?: RetrySettings;
  /** Extra CAs to trust in-process (the emulator's self-signed certificate). */
  readonly tlsOptions?: TlsSettings;
  /** How often to poll a long-running operation when the service sends no Retry-After. */
  readonly pollIntervalInMs?: number;
}

/* eslint-disable @typescript-eslint/no-require-imports -- each SDK module is evaluated on first use (see above) */
const sdk = {
  authorization: (): typeof AuthorizationSdk => require('./sdk/authorization'),
  cognitiveServices: (): typeof CognitiveServicesSdk => require('./sdk/cognitiveServices'),
  containerRegistry: (): typeof ContainerRegistrySdk => require('./sdk/containerRegistry'),
  keyVault: (): typeof KeyVaultSdk => require('./sdk/keyVault'),
  network: (): typeof NetworkSdk => require('./sdk/network'),
  privateDns: (): typeof PrivateDnsSdk => require('./sdk/privateDns'),
  subscriptions: (): typeof SubscriptionsSdk => require('./sdk/subscriptions'),
  storage: (): typeof StorageSdk => require('./sdk/storage'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The clients for one subscription, each created on first use. */
export class SubscriptionClients {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly connection: ArmConnection,
    readonly subscriptionId: string,
  ) {}

  /**
   * Workspaces are read and written with our own api-versions and models (workspaceApi.ts): a plain core-client
   * pipeline is all they need. @azure/arm-machinelearning's models (2022-10-01) drop the fields we read.
   */
  get machineLearning(): ServiceClient {
    return this.once(
      'machineLearning',
      () => new ServiceClient({ ...this.connection.classicClientOptions(), credential: this.connection.credential }),
    );
  }

  get network(): NetworkSdk.NetworkManagementClient {
    return this.once('network', () => new (sdk.network().NetworkManagementClient)(...this.classicArgs()));
  }

  get privateDns(): PrivateDnsSdk.PrivateDnsManagementClient {
    return this.once(
      'privateDns',
      () => new (sdk.privateDns().PrivateDnsManagementClient)(...this.classicArgs(API_VERSIONS.privateDns)),
    );
  }

  get cognitiveServices(): CognitiveServicesSdk.CognitiveServicesManagementClient {
    return this.once(
      'cognitiveServices',
      () =>
        new (sdk.cognitiveServices().CognitiveServicesManagementClient)(
          ...this.classicArgs(API_VERSIONS.cognitiveServices),
        ),
    );
  }

  get authorization(): AuthorizationSdk.AuthorizationManagementClient {
    return this.once(
      'authorization',
      () => new (sdk.authorization().AuthorizationManagementClient)(...this.classicArgs()),
    );
  }

  get storage(): StorageSdk.StorageManagementClient {
    return this.once(
      'storage',
      () => new (sdk.storage().StorageManagementClient)(...this.modularArgs(API_VERSIONS.storage)),
    );
  }

  get keyVault(): KeyVaultSdk.KeyVaultManagementClient {
    return this.once(
      'keyVault',
      () => new (sdk.keyVault().KeyVaultManagementClient)(...this.modularArgs(API_VERSIONS.keyVault)),
    );
  }

  get containerRegistry(): ContainerRegistrySdk.ContainerRegistryManagementClient {
    return this.once(
      'containerRegistry',
      () =>
        new (sdk.containerRegistry().ContainerRegistryManagementClient)(
          ...this.modularArgs(API_VERSIONS.containerRegistry),
        ),
    );
  }

  private once<T>(name: string, create: () => T): T {
    if (!this.cache.has(name)) {
      this.cache.set(name, create());
    }
    return this.cache.get(name) as T;
  }

  private classicArgs(apiVersion?: string) {
    const options = { ...this.connection.classicClientOptions(), ...(apiVersion ? { apiVersion } : {}) };
    return [this.connection.credential, this.subscriptionId, options] as const;
  }

  private modularArgs(apiVersion: string) {
    return [this.connection.credential, this.subscriptionId, this.connection.modularClientOptions(apiVersion)] as const;
  }
}

/**
 * One signed-in identity against one cloud. The clients are cached per subscription; a new credential (another
 * account) gets a new connection, so the cache is per (subscription, credential).
 */
export class ArmConnection {
  readonly credential: TokenCredential;
  readonly cloud: Cloud;
  /** No trailing slash. */
  readonly endpoint: string;
  readonly credentialScopes: string[];
  readonly pollIntervalInMs: number | undefined;
  /** Resource Graph's quota is per user: every query of this identity shares it. */
  readonly resourceGraphQuota = new ResourceGraphQuota();
  private readonly options: ArmConnectionOptions;
  private readonly bySubscription = new Map<string, SubscriptionClients>();
  private tenantLevel: { subscriptions?: SubscriptionsSdk.SubscriptionClient; arm?: ServiceClient } = {};

  constructor(options: ArmConnectionOptions) {
    this.options = options;
    this.pollIntervalInMs = options.pollIntervalInMs;
    this.credential = options.credential;
    const endpoint = options.resourceManagerEndpoint ?? options.cloud?.resourceManagerEndpoint;
    this.cloud = options.cloud ?? (endpoint ? cloudForResourceManagerEndpoint(endpoint) : CLOUDS.AzureCloud);
    this.endpoint = withoutTrailingSlashes(endpoint ?? this.cloud.resourceManagerEndpoint);
    this.credentialScopes = [...(options.credentialScopes ?? [`${this.endpoint}/.default`])];
  }

  forSubscription(subscriptionId: string): SubscriptionClients {
    const key = subscriptionId.toLowerCase();
    let clients = this.bySubscription.get(key);
    if (!clients) {
      clients = new SubscriptionClients(this, subscriptionId);
      this.bySubscription.set(key, clients);
    }
    return clients;
  }

  get subscriptions(): SubscriptionsSdk.SubscriptionClient {
    this.tenantLevel.subscriptions ??= new (sdk.subscriptions().SubscriptionClient)(
      this.credential,
      this.classicClientOptions(),
    );
    return this.tenantLevel.subscriptions;
  }

  /**
   * A plain core-client ServiceClient (the base of every ARM SDK client) for requests no installed SDK models well:
   * Resource Graph (@azure/arm-resourcegraph 4.2 is built on the retired ms-rest-js stack, with its own HTTP client,
   * none of these pipeline policies, and api-version 2021-03-01) and the generic ARM operations of a plan.
   */
  get arm(): ServiceClient {
    this.tenantLevel.arm ??= new ServiceClient({
      ...this.classicClientOptions(),
      credential: this.credential,
    });
    return this.tenantLevel.arm;
  }

  /** Options for the core-client based SDKs (network, privatedns, machinelearning, ...). */
  classicClientOptions() {
    return {
      endpoint: this.endpoint,
      // Some operation specs template the host separately from the endpoint.
      $host: this.endpoint,
      credentialScopes: this.credentialScopes,
      ...this.pipelineOptions(),
    };
  }

  /** Options for the TypeSpec-generated SDKs (storage, keyvault, containerregistry): their scope defaults to public ARM. */
  modularClientOptions(apiVersion: string) {
    return {
      endpoint: this.endpoint,
      credentials: { scopes: this.credentialScopes },
      apiVersion,
      ...this.pipelineOptions(),
    };
  }

  /** Options for an SDK `begin…AndWait` call or our own poller. */
  lroOptions(abortSignal?: AbortSignalLike): {
    abortSignal?: AbortSignalLike;
    updateIntervalInMs?: number;
    pollIntervalInMs?: number;
  } {
    return {
      ...(abortSignal ? { abortSignal } : {}),
      ...(this.pollIntervalInMs !== undefined
        ? { updateIntervalInMs: this.pollIntervalInMs, pollIntervalInMs: this.pollIntervalInMs }
        : {}),
    };
  }

  private pipelineOptions() {
    const { requestLogger, retry, tlsOptions } = this.options;
    const additionalPolicies: AdditionalPolicyConfig[] = requestLogger
      ? [{ policy: requestLogPolicy(requestLogger), position: 'perRetry' }]
      : [];
    return {
      additionalPolicies,
      userAgentOptions: { userAgentPrefix: 'foundry-network' },
      ...(retry ? { retryOptions: { ...retry } } : {}),
      ...(tlsOptions ? { tlsOptions } : {}),
    };
  }
}
