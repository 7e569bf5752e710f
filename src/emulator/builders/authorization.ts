import { type ArmJson, guidFrom } from './base';

/** Built-in role definition ids (a subset; src/model/roles.ts is the product's table). */
export const BUILT_IN_ROLES = {
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7',
  storageFileDataPrivilegedContributor: '69566ab7-960f-475b-8e7c-b3118f30c6bd',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
} as const;

export type PrincipalType = 'ServicePrincipal' | 'User' | 'Group';

/** `aRoleAssignment(storage.id).ofRole(BUILT_IN_ROLES.reader).toPrincipal(hub.systemPrincipalId)`. */
export class RoleAssignmentBuilder {
  private roleId: string = BUILT_IN_ROLES.reader;
  private principalId = '';
  private principalType: PrincipalType = 'ServicePrincipal';
  private explicitName?: string;

  constructor(private readonly scope: string) {}

  ofRole(roleDefinitionGuid: string): this {
    this.roleId = roleDefinitionGuid;
    return this;
  }

  toPrincipal(principalId: string, principalType: PrincipalType = 'ServicePrincipal'): this {
    this.principalId = principalId;
    this.principalType = principalType;
    return this;
  }

  named(name: string): this {
    this.explicitName = name;
    return this;
  }

  get name(): string {
    return this.explicitName ?? guidFrom(`role:${this.scope}:${this.roleId}:${this.principalId}`.toLowerCase());
  }

  get id(): string {
    return `${this.scope}/providers/Microsoft.Authorization/roleAssignments/${this.name}`;
  }

  build(): ArmJson {
    const subscription = this.scope.split('/')[2];
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.Authorization/roleAssignments',
      properties: {
        roleDefinitionId: `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${this.roleId}`,
        principalId: this.principalId,
        principalType: this.principalType,
        scope: this.scope,
      },
    };
  }
}

export const aRoleAssignment = (scope: string): RoleAssignmentBuilder => new RoleAssignmentBuilder(scope);
