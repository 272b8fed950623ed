export * from './blog-chart';
export * from './checks';
export * from './kustomization';
export * from './multi-container-pod';
export * from './node-pinned-pod';
export * from './node-port';
export * from './pod-security';
export * from './rules';
