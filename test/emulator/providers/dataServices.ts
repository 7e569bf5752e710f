import type { ResourceTypeDefinition } from '../context';
export const dataServiceDefinitions: ResourceTypeDefinition[] = [];
