export * from './base';
export * from './workspaces';
export * from './network';
export * from './privateDns';
export * from './dataServices';
export * from './authorization';
export * from './workspaceChildren';
