/** Types for childEnvironment.mjs. */
export declare const INHERITED_VARIABLES: readonly string[];
export declare function childEnvironment(
  extra?: Record<string, string>,
  from?: Record<string, string | undefined>,
): Record<string, string>;
