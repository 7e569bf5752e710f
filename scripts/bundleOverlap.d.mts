/** Types for bundleOverlap.mjs. */
export interface SharedModule {
  readonly reason: string;
  /** Top-level variables a reviewer found harmless to duplicate. */
  readonly state?: readonly string[];
}
export declare const SHARED_MODULES: Readonly<Record<string, SharedModule>>;
export declare function modulesInSeveralBundles(
  inputsByBundle: Readonly<Record<string, readonly string[]>>,
): Map<string, string[]>;
export declare function topLevelState(sourceText: string, fileName?: string): string[];
export declare function bundleOverlapProblems(
  inputsByBundle: Readonly<Record<string, readonly string[]>>,
  readSource: (module: string) => string,
  shared?: Readonly<Record<string, SharedModule>>,
): string[];
