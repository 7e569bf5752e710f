import type { ResourceTypeDefinition } from '../context';
export const privateDnsDefinitions: ResourceTypeDefinition[] = [];
