import type { ResourceTypeDefinition } from '../context';
export const networkDefinitions: ResourceTypeDefinition[] = [];
