export * from './blog-chart';
export * from './multi-container-pod';
export * from './node-pinned-pod';
export * from './node-port';
export * from './rules/problem';
export * from './kustomization';
