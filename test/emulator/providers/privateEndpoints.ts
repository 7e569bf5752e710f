import type { ResourceTypeDefinition } from '../context';
export const privateEndpointDefinitions: ResourceTypeDefinition[] = [];
