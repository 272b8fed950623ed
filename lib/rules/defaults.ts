import type { JsonObject } from './json';
import { isJsonObject } from './json';
import { VOLUME_SOURCE_KEYS } from './volumes';

/*
 * The API server decodes an object, applies the v1 defaults, then validates it; Pod Security and
 * the other admission checks see the defaulted object too. `defaultManifest` mirrors the defaults
 * of Kubernetes 1.28 that can change a verdict (pkg/apis/core/v1/defaults.go, apps/v1 and batch/v1
 * defaults.go, the Service registry's IP family defaults), so every check runs on what the server
 * would check.
 *
 * Copy on write: an object is copied (shallowly) only when one of its fields changes, along the
 * path to that field; everything else is shared with the input, which is never modified. Values of
 * the wrong JSON type are left alone for the rules to report.
 *
 * Not applied, on purpose: a Job's `metadata.labels` copied from its template (it would repeat
 * template label problems at a path the user never wrote), and defaults no rule reads (iSCSI, RBD,
 * ScaleIO and Azure disk source settings, a claim template's status).
 */

/*
 * Each default reads the fields it looks at by name, so every read keeps its own inline cache (a
 * generic `get(key)` shares one for every key and every shape, and runs for every field of every
 * object). No Kubernetes field is named like a property of `Object.prototype`, so on decoded JSON
 * a read finds the object's own value or nothing. What a default changes is collected in a
 * `Changes` record, built at the first change, and laid over one shallow copy at the end (`apply`).
 */

/** The fields a default changes on one object, in the order it changes them. */
type Changes = Record<string, unknown>;

/** Absent or null: a nil pointer or map upstream. */
const isNil = (value: unknown): boolean => value === undefined || value === null;
/** Absent, null or `""`: a Go string's zero value. */
const isBlankString = (value: unknown): boolean => value === undefined || value === null || value === '';
/** Absent, null or 0: a Go int's zero value. */
const isZeroInt = (value: unknown): boolean => value === undefined || value === null || value === 0;

/** `changes` (a new record when undefined) with `key` set to `value`. */
function put(changes: Changes | undefined, key: string, value: unknown): Changes {
  const result = changes ?? {};
  result[key] = value;
  return result;
}

/** `changes` with `key` set to `fn(value)`, when `value` is an object that `fn` changes. */
function update(
  changes: Changes | undefined,
  key: string,
  value: unknown,
  fn: (value: JsonObject) => JsonObject,
): Changes | undefined {
  if (!isJsonObject(value)) return changes;
  const next = fn(value);
  return next === value ? changes : put(changes, key, next);
}

/**
 * `changes` with the list `value` at `key` replaced, when `fn(item, arg)` changes one of its
 * objects; the list is copied only then.
 */
function updateEach<A>(
  changes: Changes | undefined,
  key: string,
  value: unknown,
  fn: (item: JsonObject, arg: A) => JsonObject,
  arg: A,
): Changes | undefined {
  if (!Array.isArray(value)) return changes;
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isJsonObject(item)) continue;
    const next = fn(item, arg);
    if (next === item) continue;
    copy ??= value.slice();
    copy[i] = next;
  }
  return copy === undefined ? changes : put(changes, key, copy);
}

/** `obj` with `changes` laid over a shallow copy, or `obj` itself when nothing changed. */
function apply(obj: JsonObject, changes: Changes | undefined): JsonObject {
  return changes === undefined ? obj : { ...obj, ...changes };
}

const isValidPort = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;

// The image reference grammar of distribution/reference, to find the tag as the kubelet's parser does.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE_RE = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*` +
    '(?::([\\w][\\w.-]{0,127}))?(@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);

/**
 * Upstream `SetDefaults_Container`'s pull policy: `Always` for an image without a tag or digest or
 * with the tag `latest`, else `IfNotPresent` (also when the reference does not parse).
 */
export function defaultPullPolicy(image: unknown): string {
  const match = typeof image === 'string' ? REFERENCE_RE.exec(image) : null;
  if (match === null) return 'IfNotPresent';
  const [, tag, digest] = match;
  return tag === 'latest' || (tag === undefined && digest === undefined) ? 'Always' : 'IfNotPresent';
}

/** `SetDefaults_HTTPGetAction`. */
function defaultHttpGet(action: JsonObject): JsonObject {
  let changes: Changes | undefined;
  if (isBlankString(action.path)) changes = put(changes, 'path', '/');
  if (isBlankString(action.scheme)) changes = put(changes, 'scheme', 'HTTP');
  return apply(action, changes);
}

/** `SetDefaults_Probe`, and its httpGet action's defaults. */
function defaultProbe(probe: JsonObject): JsonObject {
  let changes: Changes | undefined;
  if (isZeroInt(probe.timeoutSeconds)) changes = put(changes, 'timeoutSeconds', 1);
  if (isZeroInt(probe.periodSeconds)) changes = put(changes, 'periodSeconds', 10);
  if (isZeroInt(probe.successThreshold)) changes = put(changes, 'successThreshold', 1);
  if (isZeroInt(probe.failureThreshold)) changes = put(changes, 'failureThreshold', 3);
  changes = update(changes, 'httpGet', probe.httpGet, defaultHttpGet);
  return apply(probe, changes);
}

function defaultLifecycleHandler(handler: JsonObject): JsonObject {
  return apply(handler, update(undefined, 'httpGet', handler.httpGet, defaultHttpGet));
}

function defaultLifecycle(lifecycle: JsonObject): JsonObject {
  let changes = update(undefined, 'postStart', lifecycle.postStart, defaultLifecycleHandler);
  changes = update(changes, 'preStop', lifecycle.preStop, defaultLifecycleHandler);
  return apply(lifecycle, changes);
}

/** `SetDefaults_ObjectFieldSelector`: a fieldRef without apiVersion reads the v1 Pod. */
function defaultFieldRef(ref: JsonObject): JsonObject {
  return apply(ref, isBlankString(ref.apiVersion) ? put(undefined, 'apiVersion', 'v1') : undefined);
}

function defaultFieldRefHolder(holder: JsonObject): JsonObject {
  return apply(holder, update(undefined, 'fieldRef', holder.fieldRef, defaultFieldRef));
}

function defaultEnvVar(variable: JsonObject): JsonObject {
  return apply(variable, update(undefined, 'valueFrom', variable.valueFrom, defaultFieldRefHolder));
}

/** `SetDefaults_Pod`: resources a container limits but does not request are requested at the limit. */
function defaultRequests(resources: JsonObject): JsonObject {
  const limits = resources.limits;
  if (!isJsonObject(limits)) return resources;
  const found = resources.requests;
  const requests = isJsonObject(found) ? found : {};
  let merged: Record<string, unknown> | undefined;
  for (const name of Object.keys(limits)) {
    const limit = limits[name];
    // Only well-formed values are copied: a bad limit is reported at the limit, not twice.
    if (Object.hasOwn(requests, name) || (typeof limit !== 'string' && typeof limit !== 'number')) continue;
    if (typeof limit === 'string' && limit.trim().startsWith('-')) continue;
    if (typeof limit === 'number' && limit < 0) continue;
    merged ??= { ...requests };
    merged[name] = limit;
  }
  if (merged === undefined) return resources;
  return { ...resources, requests: merged };
}

interface ContainerDefaults {
  /** A v1 Pod's regular or init container: requests default to limits. */
  readonly requestsFromLimits: boolean;
  /** A v1 Pod with `hostNetwork: true`: host ports default to container ports. */
  readonly hostNetwork: boolean;
}

function defaultContainerPort(port: JsonObject, hostNetwork: boolean): JsonObject {
  let changes: Changes | undefined;
  if (isBlankString(port.protocol)) changes = put(changes, 'protocol', 'TCP');
  const containerPort = port.containerPort;
  if (hostNetwork && isValidPort(containerPort) && isZeroInt(port.hostPort))
    changes = put(changes, 'hostPort', containerPort);
  return apply(port, changes);
}

/** `SetDefaults_Container` and the defaults of everything a container holds. */
function defaultContainer(container: JsonObject, options: ContainerDefaults): JsonObject {
  let changes: Changes | undefined;
  // Parsing the image is the dearest default: only when the policy is unset.
  if (isBlankString(container.imagePullPolicy))
    changes = put(changes, 'imagePullPolicy', defaultPullPolicy(container.image));
  if (isBlankString(container.terminationMessagePath))
    changes = put(changes, 'terminationMessagePath', '/dev/termination-log');
  if (isBlankString(container.terminationMessagePolicy))
    changes = put(changes, 'terminationMessagePolicy', 'File');
  changes = updateEach(changes, 'ports', container.ports, defaultContainerPort, options.hostNetwork);
  changes = updateEach(changes, 'env', container.env, defaultEnvVar, undefined);
  changes = update(changes, 'livenessProbe', container.livenessProbe, defaultProbe);
  changes = update(changes, 'readinessProbe', container.readinessProbe, defaultProbe);
  changes = update(changes, 'startupProbe', container.startupProbe, defaultProbe);
  changes = update(changes, 'lifecycle', container.lifecycle, defaultLifecycle);
  if (options.requestsFromLimits)
    changes = update(changes, 'resources', container.resources, defaultRequests);
  return apply(container, changes);
}

/** `defaultMode: 0644`, the default of secret, configMap, downwardAPI and projected volumes. */
const DEFAULT_MODE = 0o644;

function withDefaultMode(source: JsonObject): JsonObject {
  return apply(source, isNil(source.defaultMode) ? put(undefined, 'defaultMode', DEFAULT_MODE) : undefined);
}

function defaultDownwardAPI(source: JsonObject): JsonObject {
  return apply(source, updateEach(undefined, 'items', source.items, defaultFieldRefHolder, undefined));
}

/** A downwardAPI volume: its `defaultMode`, and its items' field references. */
const defaultDownwardAPIVolume = (source: JsonObject): JsonObject =>
  defaultDownwardAPI(withDefaultMode(source));

function defaultServiceAccountToken(token: JsonObject): JsonObject {
  return apply(token, isNil(token.expirationSeconds) ? put(undefined, 'expirationSeconds', 3600) : undefined);
}

function defaultProjection(projection: JsonObject): JsonObject {
  let changes = update(undefined, 'downwardAPI', projection.downwardAPI, defaultDownwardAPI);
  changes = update(
    changes,
    'serviceAccountToken',
    projection.serviceAccountToken,
    defaultServiceAccountToken,
  );
  return apply(projection, changes);
}

function defaultProjected(source: JsonObject): JsonObject {
  const projected = withDefaultMode(source);
  return apply(projected, updateEach(undefined, 'sources', projected.sources, defaultProjection, undefined));
}

function defaultHostPath(source: JsonObject): JsonObject {
  return apply(source, isNil(source.type) ? put(undefined, 'type', '') : undefined);
}

function defaultClaimSpec(spec: JsonObject): JsonObject {
  return apply(spec, isNil(spec.volumeMode) ? put(undefined, 'volumeMode', 'Filesystem') : undefined);
}

function defaultClaimTemplate(template: JsonObject): JsonObject {
  return apply(template, update(undefined, 'spec', template.spec, defaultClaimSpec));
}

function defaultEphemeral(source: JsonObject): JsonObject {
  return apply(
    source,
    update(undefined, 'volumeClaimTemplate', source.volumeClaimTemplate, defaultClaimTemplate),
  );
}

/** `SetDefaults_Volume` (no source is an emptyDir) and the defaults of the sources. */
function defaultVolume(volume: JsonObject): JsonObject {
  if (VOLUME_SOURCE_KEYS.every(key => !Object.hasOwn(volume, key) || isNil(volume[key])))
    return apply(volume, put(undefined, 'emptyDir', {}));
  let changes = update(undefined, 'secret', volume.secret, withDefaultMode);
  changes = update(changes, 'configMap', volume.configMap, withDefaultMode);
  changes = update(changes, 'downwardAPI', volume.downwardAPI, defaultDownwardAPIVolume);
  changes = update(changes, 'projected', volume.projected, defaultProjected);
  changes = update(changes, 'hostPath', volume.hostPath, defaultHostPath);
  changes = update(changes, 'ephemeral', volume.ephemeral, defaultEphemeral);
  return apply(volume, changes);
}

/** The defaults of an ephemeral container: neither a Pod's requests nor its host ports. */
const EPHEMERAL_CONTAINERS: ContainerDefaults = { requestsFromLimits: false, hostNetwork: false };

/**
 * `SetDefaults_PodSpec` and everything inside a Pod spec; with `isPod`, also `SetDefaults_Pod`
 * (requests from limits, host ports of a hostNetwork Pod, service links), which 1.28 applies to
 * Pods only, not to workload templates.
 */
function defaultPodSpec(spec: JsonObject, isPod: boolean): JsonObject {
  let changes: Changes | undefined;
  if (isBlankString(spec.dnsPolicy)) changes = put(changes, 'dnsPolicy', 'ClusterFirst');
  if (isBlankString(spec.restartPolicy)) changes = put(changes, 'restartPolicy', 'Always');
  if (isNil(spec.securityContext)) changes = put(changes, 'securityContext', {});
  if (isNil(spec.terminationGracePeriodSeconds)) changes = put(changes, 'terminationGracePeriodSeconds', 30);
  if (isBlankString(spec.schedulerName)) changes = put(changes, 'schedulerName', 'default-scheduler');
  if (isPod && isNil(spec.enableServiceLinks)) changes = put(changes, 'enableServiceLinks', true);
  const podContainers: ContainerDefaults = {
    requestsFromLimits: isPod,
    hostNetwork: isPod && spec.hostNetwork === true,
  };
  changes = updateEach(changes, 'containers', spec.containers, defaultContainer, podContainers);
  changes = updateEach(changes, 'initContainers', spec.initContainers, defaultContainer, podContainers);
  changes = updateEach(
    changes,
    'ephemeralContainers',
    spec.ephemeralContainers,
    defaultContainer,
    EPHEMERAL_CONTAINERS,
  );
  changes = updateEach(changes, 'volumes', spec.volumes, defaultVolume, undefined);
  return apply(spec, changes);
}

function defaultTemplate(template: JsonObject): JsonObject {
  return apply(template, update(undefined, 'spec', template.spec, defaultWorkloadPodSpec));
}

/** A workload's pod template spec: `SetDefaults_PodSpec` without the Pod-only defaults. */
const defaultWorkloadPodSpec = (spec: JsonObject): JsonObject => defaultPodSpec(spec, false);

/** `SetDefaults_ServicePort`: TCP, and a targetPort equal to a valid port when unset, empty or 0. */
function defaultServicePort(port: JsonObject): JsonObject {
  let changes: Changes | undefined;
  if (isBlankString(port.protocol)) changes = put(changes, 'protocol', 'TCP');
  // Only a valid port is copied: an invalid one is reported at `port`, not also at a defaulted targetPort.
  const number = port.port;
  if (isZeroInt(port.targetPort) || port.targetPort === '') {
    if (isValidPort(number)) changes = put(changes, 'targetPort', number);
  }
  return apply(port, changes);
}

/** `SetDefaults_Service`, plus the IP family policy the registry sets before validation. */
function defaultServiceSpec(spec: JsonObject): JsonObject {
  let changes: Changes | undefined;
  let affinity = spec.sessionAffinity;
  if (isBlankString(affinity)) {
    affinity = 'None';
    changes = put(changes, 'sessionAffinity', affinity);
  }
  const config = spec.sessionAffinityConfig;
  if (affinity === 'None') {
    if (config !== undefined) changes = put(changes, 'sessionAffinityConfig', undefined);
  } else if (affinity === 'ClientIP') {
    const clientIP = isJsonObject(config) ? config.clientIP : undefined;
    if (!isJsonObject(clientIP) || isNil(clientIP.timeoutSeconds)) {
      changes = put(changes, 'sessionAffinityConfig', { clientIP: { timeoutSeconds: 10800 } });
    }
  }
  let type = spec.type;
  if (isBlankString(type)) {
    type = 'ClusterIP';
    changes = put(changes, 'type', type);
  }
  changes = updateEach(changes, 'ports', spec.ports, defaultServicePort, undefined);
  if ((type === 'NodePort' || type === 'LoadBalancer') && isBlankString(spec.externalTrafficPolicy))
    changes = put(changes, 'externalTrafficPolicy', 'Cluster');
  if (
    (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') &&
    isNil(spec.internalTrafficPolicy)
  )
    changes = put(changes, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer' && isNil(spec.allocateLoadBalancerNodePorts))
    changes = put(changes, 'allocateLoadBalancerNodePorts', true);
  const headless = spec.clusterIP === 'None';
  const selectorless = !isJsonObject(spec.selector) || Object.keys(spec.selector).length === 0;
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.length : 0;
  const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.length : 0;
  if (type !== 'ExternalName' && !(headless && selectorless) && families < 2 && clusterIPs < 2) {
    if (isNil(spec.ipFamilyPolicy)) changes = put(changes, 'ipFamilyPolicy', 'SingleStack');
  }
  return apply(spec, changes);
}

/**
 * A Deployment's or DaemonSet's `rollingUpdate` with `defaults` for its unset fields; absent or
 * null reads as `{}`, and a wrongly typed one is left alone.
 */
function withRollingDefaults(current: unknown, defaults: Readonly<Record<string, unknown>>): unknown {
  if (!isNil(current) && !isJsonObject(current)) return current;
  const rolling: JsonObject = isJsonObject(current) ? current : {};
  let changes: Changes | undefined;
  for (const [key, value] of Object.entries(defaults)) {
    if (!Object.hasOwn(rolling, key) || isNil(rolling[key])) changes = put(changes, key, value);
  }
  return apply(rolling, changes);
}

/**
 * An update strategy: `type` RollingUpdate when blank and then, for RollingUpdate, its
 * `rollingUpdate` through `rollingUpdate` (which returns its input when nothing changes).
 */
function defaultUpdateStrategy(
  strategy: JsonObject,
  rollingUpdate: (current: unknown) => unknown,
): JsonObject {
  let changes: Changes | undefined;
  let type = strategy.type;
  if (isBlankString(type)) {
    type = 'RollingUpdate';
    changes = put(changes, 'type', type);
  }
  if (type === 'RollingUpdate') {
    const current = strategy.rollingUpdate;
    const next = rollingUpdate(current);
    if (next !== current) changes = put(changes, 'rollingUpdate', next);
  }
  return apply(strategy, changes);
}

/** A strategy object (absent or null reads as `{}`) with `fn` applied, when it is an object. */
function defaultStrategy(
  changes: Changes | undefined,
  key: string,
  value: unknown,
  fn: (strategy: JsonObject) => JsonObject,
): Changes | undefined {
  return isNil(value) ? put(changes, key, fn({})) : update(changes, key, value, fn);
}

const DEPLOYMENT_ROLLING_UPDATE = { maxUnavailable: '25%', maxSurge: '25%' };
const defaultDeploymentStrategy = (strategy: JsonObject): JsonObject =>
  defaultUpdateStrategy(strategy, current => withRollingDefaults(current, DEPLOYMENT_ROLLING_UPDATE));

/** `SetDefaults_Deployment`. */
function defaultDeploymentSpec(spec: JsonObject): Changes | undefined {
  let changes: Changes | undefined;
  if (isNil(spec.replicas)) changes = put(changes, 'replicas', 1);
  if (isNil(spec.revisionHistoryLimit)) changes = put(changes, 'revisionHistoryLimit', 10);
  if (isNil(spec.progressDeadlineSeconds)) changes = put(changes, 'progressDeadlineSeconds', 600);
  return defaultStrategy(changes, 'strategy', spec.strategy, defaultDeploymentStrategy);
}

/** A StatefulSet's `rollingUpdate`, when it is an object: `partition` 0 when unset. */
function defaultStatefulSetRollingUpdate(current: unknown): unknown {
  if (!isJsonObject(current)) return current;
  return apply(current, isNil(current.partition) ? put(undefined, 'partition', 0) : undefined);
}

const defaultStatefulSetStrategy = (strategy: JsonObject): JsonObject =>
  defaultUpdateStrategy(strategy, defaultStatefulSetRollingUpdate);

function defaultRetentionPolicy(policy: JsonObject): JsonObject {
  let changes: Changes | undefined;
  if (isBlankString(policy.whenDeleted)) changes = put(changes, 'whenDeleted', 'Retain');
  if (isBlankString(policy.whenScaled)) changes = put(changes, 'whenScaled', 'Retain');
  return apply(policy, changes);
}

/** `SetDefaults_StatefulSet` (StatefulSetAutoDeletePVC is on in 1.28, MaxUnavailableStatefulSet off). */
function defaultStatefulSetSpec(spec: JsonObject): Changes | undefined {
  let changes: Changes | undefined;
  if (isBlankString(spec.podManagementPolicy)) changes = put(changes, 'podManagementPolicy', 'OrderedReady');
  if (isNil(spec.replicas)) changes = put(changes, 'replicas', 1);
  if (isNil(spec.revisionHistoryLimit)) changes = put(changes, 'revisionHistoryLimit', 10);
  changes = defaultStrategy(changes, 'updateStrategy', spec.updateStrategy, defaultStatefulSetStrategy);
  return defaultStrategy(
    changes,
    'persistentVolumeClaimRetentionPolicy',
    spec.persistentVolumeClaimRetentionPolicy,
    defaultRetentionPolicy,
  );
}

const DAEMON_SET_ROLLING_UPDATE = { maxUnavailable: 1, maxSurge: 0 };
const defaultDaemonSetStrategy = (strategy: JsonObject): JsonObject =>
  defaultUpdateStrategy(strategy, current => withRollingDefaults(current, DAEMON_SET_ROLLING_UPDATE));

/** `SetDefaults_DaemonSet`. */
function defaultDaemonSetSpec(spec: JsonObject): Changes | undefined {
  const changes = isNil(spec.revisionHistoryLimit) ? put(undefined, 'revisionHistoryLimit', 10) : undefined;
  return defaultStrategy(changes, 'updateStrategy', spec.updateStrategy, defaultDaemonSetStrategy);
}

/** `SetDefaults_ReplicaSet`. */
function defaultReplicaSetSpec(spec: JsonObject): Changes | undefined {
  return isNil(spec.replicas) ? put(undefined, 'replicas', 1) : undefined;
}

/** `SetDefaults_Job`, without copying the template's labels to the Job (see above). */
function defaultJobSpec(spec: JsonObject): Changes | undefined {
  let changes: Changes | undefined;
  if (isNil(spec.completions) && isNil(spec.parallelism)) changes = put(changes, 'completions', 1);
  if (isNil(spec.parallelism)) changes = put(changes, 'parallelism', 1);
  if (isNil(spec.backoffLimit))
    changes = put(changes, 'backoffLimit', isNil(spec.backoffLimitPerIndex) ? 6 : 2147483647);
  if (isBlankString(spec.completionMode)) changes = put(changes, 'completionMode', 'NonIndexed');
  if (isNil(spec.suspend)) changes = put(changes, 'suspend', false);
  return changes;
}

function defaultJobTemplateSpec(jobSpec: JsonObject): JsonObject {
  return apply(jobSpec, update(undefined, 'template', jobSpec.template, defaultTemplate));
}

function defaultJobTemplate(jobTemplate: JsonObject): JsonObject {
  return apply(jobTemplate, update(undefined, 'spec', jobTemplate.spec, defaultJobTemplateSpec));
}

/** `SetDefaults_CronJob`; the Job template inside gets only the Pod spec defaults, as upstream. */
function defaultCronJobSpec(spec: JsonObject): Changes | undefined {
  let changes: Changes | undefined;
  if (isBlankString(spec.concurrencyPolicy)) changes = put(changes, 'concurrencyPolicy', 'Allow');
  if (isNil(spec.suspend)) changes = put(changes, 'suspend', false);
  if (isNil(spec.successfulJobsHistoryLimit)) changes = put(changes, 'successfulJobsHistoryLimit', 3);
  if (isNil(spec.failedJobsHistoryLimit)) changes = put(changes, 'failedJobsHistoryLimit', 1);
  return update(changes, 'jobTemplate', spec.jobTemplate, defaultJobTemplate);
}

/** The defaults of each workload's spec, besides its pod template's. */
const WORKLOADS: ReadonlyMap<string, (spec: JsonObject) => Changes | undefined> = new Map([
  ['apps/v1/Deployment', defaultDeploymentSpec],
  ['apps/v1/StatefulSet', defaultStatefulSetSpec],
  ['apps/v1/DaemonSet', defaultDaemonSetSpec],
  ['apps/v1/ReplicaSet', defaultReplicaSetSpec],
  ['batch/v1/Job', defaultJobSpec],
  ['batch/v1/CronJob', defaultCronJobSpec],
]);

const defaultPodManifestSpec = (spec: JsonObject): JsonObject => defaultPodSpec(spec, true);

/**
 * A manifest as the 1.28 API server validates it: with the v1 defaults of Pods, Services and the
 * apps/v1 and batch/v1 workloads (and their pod templates) applied. Any other value is returned
 * as is. Never modifies its input and never throws; returns the input itself when nothing changes.
 */
export function defaultManifest(manifest: unknown): unknown {
  if (!isJsonObject(manifest)) return manifest;
  if (typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') return manifest;
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  if (key === 'v1/Pod')
    return apply(manifest, update(undefined, 'spec', manifest.spec, defaultPodManifestSpec));
  if (key === 'v1/Service')
    return apply(manifest, update(undefined, 'spec', manifest.spec, defaultServiceSpec));
  const workload = WORKLOADS.get(key);
  if (workload === undefined) return manifest;
  return apply(
    manifest,
    update(undefined, 'spec', manifest.spec, spec =>
      apply(spec, update(workload(spec), 'template', spec.template, defaultTemplate)),
    ),
  );
}
