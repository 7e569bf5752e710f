import type { ResourceTypeDefinition } from '../context';
export const authorizationDefinitions: ResourceTypeDefinition[] = [];
