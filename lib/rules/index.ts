export { validateApp, validateAppByManifest } from './app';
export type { ContainerPortView, ContainerView } from './container';
export { validateManifest } from './manifest';
export {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
} from './names';
export type { DeprecatedNodeLabel } from './node-selector';
export { DEPRECATED_NODE_LABELS } from './node-selector';
export type { PortRange, RuleOptions } from './options';
export { DEFAULT_NODE_PORT_RANGE } from './options';
export { validatePod } from './pod';
export type { PodBearingKind, PodTemplateRef } from './pod-template';
export { podBearingKind, podTemplateOf } from './pod-template';
export { PROTOCOLS } from './ports';
export type { Finding, Severity, ValidationError } from './problem';
export { formatProblem } from './problem';
export { validateService } from './service';
