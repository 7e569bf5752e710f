/**
 * The ids the activation bundle and the Azure bundle both name. A module of constants, so it may sit in both bundles
 * (scripts/bundleOverlap.mjs); the stateful hubs view stays in the activation bundle alone.
 */
export const HUBS_VIEW_ID = 'foundryNetwork.hubs';
/** Scheme of the read-only documents that "View Properties" opens. */
export const PROPERTIES_SCHEME = 'foundry-network-properties';
