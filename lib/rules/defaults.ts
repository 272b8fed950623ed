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

/** Collects changes to one object and copies it once, on the first change. */
class Draft {
  // Declared, not initialized: a class field initializer is one more call per Draft.
  declare private copy: Record<string, unknown> | undefined;
  declare private readonly base: JsonObject;

  constructor(base: JsonObject) {
    this.base = base;
    this.copy = undefined;
  }

  /** The current value of `key`, changed or not (an own property only). */
  get(key: string): unknown {
    const current = this.copy ?? this.base;
    // Most keys a default looks for are absent: asking is cheaper than reading a missing field.
    return Object.hasOwn(current, key) ? current[key] : undefined;
  }

  /** Sets `key` when the value differs. */
  set(key: string, value: unknown): void {
    if (this.get(key) !== value) this.put(key, value);
  }

  /** Sets `key` when it is absent or null (a nil pointer or empty map upstream). */
  setIfUnset(key: string, value: unknown): void {
    const current = this.get(key);
    if ((current === undefined || current === null) && current !== value) this.put(key, value);
  }

  /** Sets a string field that is absent, null or `""` (a Go string's zero value). */
  setIfBlank(key: string, value: string): void {
    const current = this.get(key);
    if ((current === undefined || current === null || current === '') && current !== value)
      this.put(key, value);
  }

  /** Sets an int field that is absent, null or 0. */
  setIfZero(key: string, value: number): void {
    const current = this.get(key);
    if ((current === undefined || current === null || current === 0) && current !== value)
      this.put(key, value);
  }

  /** Writes `key` (the caller knows it differs), copying the object on the first write. */
  private put(key: string, value: unknown): void {
    this.copy ??= { ...this.base };
    this.copy[key] = value;
  }

  /** Replaces an object field through `fn` when it is an object. */
  update(key: string, fn: (value: JsonObject) => JsonObject): void {
    const current = this.get(key);
    if (isJsonObject(current)) this.set(key, fn(current));
  }

  /** Replaces each object of a list field through `fn`; the list is copied only if an item changed. */
  updateEach(key: string, fn: (value: JsonObject) => JsonObject): void {
    const current = this.get(key);
    if (!Array.isArray(current)) return;
    let copy: unknown[] | undefined;
    for (let i = 0; i < current.length; i++) {
      const item: unknown = current[i];
      if (!isJsonObject(item)) continue;
      const next = fn(item);
      if (next === item) continue;
      copy ??= current.slice();
      copy[i] = next;
    }
    if (copy !== undefined) this.set(key, copy);
  }

  /** The object with its changes, or the input itself when nothing changed. */
  done(): JsonObject {
    return this.copy ?? this.base;
  }
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
  const draft = new Draft(action);
  draft.setIfBlank('path', '/');
  draft.setIfBlank('scheme', 'HTTP');
  return draft.done();
}

/** `SetDefaults_Probe`, and its httpGet action's defaults. */
function defaultProbe(probe: JsonObject): JsonObject {
  const draft = new Draft(probe);
  draft.setIfZero('timeoutSeconds', 1);
  draft.setIfZero('periodSeconds', 10);
  draft.setIfZero('successThreshold', 1);
  draft.setIfZero('failureThreshold', 3);
  draft.update('httpGet', defaultHttpGet);
  return draft.done();
}

function defaultLifecycleHandler(handler: JsonObject): JsonObject {
  const draft = new Draft(handler);
  draft.update('httpGet', defaultHttpGet);
  return draft.done();
}

function defaultLifecycle(lifecycle: JsonObject): JsonObject {
  const draft = new Draft(lifecycle);
  draft.update('postStart', defaultLifecycleHandler);
  draft.update('preStop', defaultLifecycleHandler);
  return draft.done();
}

/** `SetDefaults_ObjectFieldSelector`: a fieldRef without apiVersion reads the v1 Pod. */
function defaultFieldRefHolder(holder: JsonObject): JsonObject {
  const draft = new Draft(holder);
  draft.update('fieldRef', ref => {
    const refDraft = new Draft(ref);
    refDraft.setIfBlank('apiVersion', 'v1');
    return refDraft.done();
  });
  return draft.done();
}

function defaultEnvVar(variable: JsonObject): JsonObject {
  const draft = new Draft(variable);
  draft.update('valueFrom', defaultFieldRefHolder);
  return draft.done();
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
  const draft = new Draft(port);
  draft.setIfBlank('protocol', 'TCP');
  const containerPort = draft.get('containerPort');
  if (hostNetwork && isValidPort(containerPort)) draft.setIfZero('hostPort', containerPort);
  return draft.done();
}

/** `SetDefaults_Container` and the defaults of everything a container holds. */
function defaultContainer(container: JsonObject, options: ContainerDefaults): JsonObject {
  const draft = new Draft(container);
  // Parsing the image is the dearest default: only when the policy is unset.
  const pullPolicy = draft.get('imagePullPolicy');
  if (pullPolicy === undefined || pullPolicy === null || pullPolicy === '')
    draft.set('imagePullPolicy', defaultPullPolicy(container.image));
  draft.setIfBlank('terminationMessagePath', '/dev/termination-log');
  draft.setIfBlank('terminationMessagePolicy', 'File');
  draft.updateEach('ports', port => defaultContainerPort(port, options.hostNetwork));
  draft.updateEach('env', defaultEnvVar);
  draft.update('livenessProbe', defaultProbe);
  draft.update('readinessProbe', defaultProbe);
  draft.update('startupProbe', defaultProbe);
  draft.update('lifecycle', defaultLifecycle);
  if (options.requestsFromLimits) draft.update('resources', defaultRequests);
  return draft.done();
}

/** `defaultMode: 0644`, the default of secret, configMap, downwardAPI and projected volumes. */
const DEFAULT_MODE = 0o644;

function withDefaultMode(source: JsonObject): JsonObject {
  const draft = new Draft(source);
  draft.setIfUnset('defaultMode', DEFAULT_MODE);
  return draft.done();
}

function defaultDownwardAPI(source: JsonObject): JsonObject {
  const draft = new Draft(source);
  draft.updateEach('items', defaultFieldRefHolder);
  return draft.done();
}

function defaultProjection(projection: JsonObject): JsonObject {
  const draft = new Draft(projection);
  draft.update('downwardAPI', defaultDownwardAPI);
  draft.update('serviceAccountToken', token => {
    const tokenDraft = new Draft(token);
    tokenDraft.setIfUnset('expirationSeconds', 3600);
    return tokenDraft.done();
  });
  return draft.done();
}

/** `SetDefaults_Volume` (no source is an emptyDir) and the defaults of the sources. */
function defaultVolume(volume: JsonObject): JsonObject {
  const draft = new Draft(volume);
  if (VOLUME_SOURCE_KEYS.every(key => draft.get(key) === undefined || draft.get(key) === null)) {
    draft.set('emptyDir', {});
    return draft.done();
  }
  draft.update('secret', withDefaultMode);
  draft.update('configMap', withDefaultMode);
  draft.update('downwardAPI', source => defaultDownwardAPI(withDefaultMode(source)));
  draft.update('projected', source => {
    const projected = new Draft(withDefaultMode(source));
    projected.updateEach('sources', defaultProjection);
    return projected.done();
  });
  draft.update('hostPath', source => {
    const hostPath = new Draft(source);
    hostPath.setIfUnset('type', '');
    return hostPath.done();
  });
  draft.update('ephemeral', source => {
    const ephemeral = new Draft(source);
    ephemeral.update('volumeClaimTemplate', template => {
      const templateDraft = new Draft(template);
      templateDraft.update('spec', spec => {
        const specDraft = new Draft(spec);
        specDraft.setIfUnset('volumeMode', 'Filesystem');
        return specDraft.done();
      });
      return templateDraft.done();
    });
    return ephemeral.done();
  });
  return draft.done();
}

/**
 * `SetDefaults_PodSpec` and everything inside a Pod spec; with `isPod`, also `SetDefaults_Pod`
 * (requests from limits, host ports of a hostNetwork Pod, service links), which 1.28 applies to
 * Pods only, not to workload templates.
 */
function defaultPodSpec(spec: JsonObject, isPod: boolean): JsonObject {
  const draft = new Draft(spec);
  draft.setIfBlank('dnsPolicy', 'ClusterFirst');
  draft.setIfBlank('restartPolicy', 'Always');
  draft.setIfUnset('securityContext', {});
  draft.setIfUnset('terminationGracePeriodSeconds', 30);
  draft.setIfBlank('schedulerName', 'default-scheduler');
  if (isPod) draft.setIfUnset('enableServiceLinks', true);
  const podContainers: ContainerDefaults = {
    requestsFromLimits: isPod,
    hostNetwork: isPod && spec.hostNetwork === true,
  };
  draft.updateEach('containers', container => defaultContainer(container, podContainers));
  draft.updateEach('initContainers', container => defaultContainer(container, podContainers));
  draft.updateEach('ephemeralContainers', container =>
    defaultContainer(container, { requestsFromLimits: false, hostNetwork: false }),
  );
  draft.updateEach('volumes', defaultVolume);
  return draft.done();
}

function defaultTemplate(template: JsonObject): JsonObject {
  const draft = new Draft(template);
  draft.update('spec', spec => defaultPodSpec(spec, false));
  return draft.done();
}

/** `SetDefaults_Service`, plus the IP family policy the registry sets before validation. */
function defaultServiceSpec(spec: JsonObject): JsonObject {
  const draft = new Draft(spec);
  draft.setIfBlank('sessionAffinity', 'None');
  const affinity = draft.get('sessionAffinity');
  if (affinity === 'None') {
    if (draft.get('sessionAffinityConfig') !== undefined) draft.set('sessionAffinityConfig', undefined);
  } else if (affinity === 'ClientIP') {
    const config = draft.get('sessionAffinityConfig');
    const clientIP = isJsonObject(config) ? config.clientIP : undefined;
    if (
      !isJsonObject(clientIP) ||
      clientIP.timeoutSeconds === undefined ||
      clientIP.timeoutSeconds === null
    ) {
      draft.set('sessionAffinityConfig', { clientIP: { timeoutSeconds: 10800 } });
    }
  }
  draft.setIfBlank('type', 'ClusterIP');
  draft.updateEach('ports', port => {
    const portDraft = new Draft(port);
    portDraft.setIfBlank('protocol', 'TCP');
    const target = portDraft.get('targetPort');
    // Only a valid port is copied: an invalid one is reported at `port`, not also at a defaulted targetPort.
    if (
      (target === undefined || target === null || target === 0 || target === '') &&
      isValidPort(port.port)
    ) {
      portDraft.set('targetPort', port.port);
    }
    return portDraft.done();
  });
  const type = draft.get('type');
  if (type === 'NodePort' || type === 'LoadBalancer') draft.setIfBlank('externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') {
    draft.setIfUnset('internalTrafficPolicy', 'Cluster');
  }
  if (type === 'LoadBalancer') draft.setIfUnset('allocateLoadBalancerNodePorts', true);
  const headless = spec.clusterIP === 'None';
  const selectorless = !isJsonObject(spec.selector) || Object.keys(spec.selector).length === 0;
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.length : 0;
  const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.length : 0;
  if (type !== 'ExternalName' && !(headless && selectorless) && families < 2 && clusterIPs < 2) {
    draft.setIfUnset('ipFamilyPolicy', 'SingleStack');
  }
  return draft.done();
}

function defaultRollingUpdate(strategy: Draft, defaults: Record<string, unknown>): void {
  const current = strategy.get('rollingUpdate');
  if (current !== undefined && current !== null && !isJsonObject(current)) return;
  const rolling = new Draft(isJsonObject(current) ? current : {});
  for (const [key, value] of Object.entries(defaults)) rolling.setIfUnset(key, value);
  strategy.set('rollingUpdate', rolling.done());
}

/** `SetDefaults_Deployment`. */
function defaultDeploymentSpec(spec: Draft): void {
  spec.setIfUnset('replicas', 1);
  spec.setIfUnset('revisionHistoryLimit', 10);
  spec.setIfUnset('progressDeadlineSeconds', 600);
  spec.setIfUnset('strategy', {});
  spec.update('strategy', strategy => {
    const draft = new Draft(strategy);
    draft.setIfBlank('type', 'RollingUpdate');
    if (draft.get('type') === 'RollingUpdate')
      defaultRollingUpdate(draft, { maxUnavailable: '25%', maxSurge: '25%' });
    return draft.done();
  });
}

/** `SetDefaults_StatefulSet` (StatefulSetAutoDeletePVC is on in 1.28, MaxUnavailableStatefulSet off). */
function defaultStatefulSetSpec(spec: Draft): void {
  spec.setIfBlank('podManagementPolicy', 'OrderedReady');
  spec.setIfUnset('replicas', 1);
  spec.setIfUnset('revisionHistoryLimit', 10);
  spec.setIfUnset('updateStrategy', {});
  spec.update('updateStrategy', strategy => {
    const draft = new Draft(strategy);
    draft.setIfBlank('type', 'RollingUpdate');
    if (draft.get('type') === 'RollingUpdate') {
      draft.update('rollingUpdate', rolling => {
        const rollingDraft = new Draft(rolling);
        rollingDraft.setIfUnset('partition', 0);
        return rollingDraft.done();
      });
    }
    return draft.done();
  });
  spec.setIfUnset('persistentVolumeClaimRetentionPolicy', {});
  spec.update('persistentVolumeClaimRetentionPolicy', policy => {
    const draft = new Draft(policy);
    draft.setIfBlank('whenDeleted', 'Retain');
    draft.setIfBlank('whenScaled', 'Retain');
    return draft.done();
  });
}

/** `SetDefaults_DaemonSet`. */
function defaultDaemonSetSpec(spec: Draft): void {
  spec.setIfUnset('revisionHistoryLimit', 10);
  spec.setIfUnset('updateStrategy', {});
  spec.update('updateStrategy', strategy => {
    const draft = new Draft(strategy);
    draft.setIfBlank('type', 'RollingUpdate');
    if (draft.get('type') === 'RollingUpdate')
      defaultRollingUpdate(draft, { maxUnavailable: 1, maxSurge: 0 });
    return draft.done();
  });
}

/** `SetDefaults_Job`, without copying the template's labels to the Job (see above). */
function defaultJobSpec(spec: Draft): void {
  if (spec.get('completions') == null && spec.get('parallelism') == null) spec.set('completions', 1);
  spec.setIfUnset('parallelism', 1);
  spec.setIfUnset('backoffLimit', spec.get('backoffLimitPerIndex') == null ? 6 : 2147483647);
  spec.setIfBlank('completionMode', 'NonIndexed');
  spec.setIfUnset('suspend', false);
}

/** `SetDefaults_CronJob`; the Job template inside gets only the Pod spec defaults, as upstream. */
function defaultCronJobSpec(spec: Draft): void {
  spec.setIfBlank('concurrencyPolicy', 'Allow');
  spec.setIfUnset('suspend', false);
  spec.setIfUnset('successfulJobsHistoryLimit', 3);
  spec.setIfUnset('failedJobsHistoryLimit', 1);
  spec.update('jobTemplate', jobTemplate => {
    const draft = new Draft(jobTemplate);
    draft.update('spec', jobSpec => {
      const jobDraft = new Draft(jobSpec);
      jobDraft.update('template', defaultTemplate);
      return jobDraft.done();
    });
    return draft.done();
  });
}

const WORKLOADS: ReadonlyMap<string, (spec: Draft) => void> = new Map([
  ['apps/v1/Deployment', defaultDeploymentSpec],
  ['apps/v1/StatefulSet', defaultStatefulSetSpec],
  ['apps/v1/DaemonSet', defaultDaemonSetSpec],
  ['apps/v1/ReplicaSet', (spec: Draft) => spec.setIfUnset('replicas', 1)],
  ['batch/v1/Job', defaultJobSpec],
  ['batch/v1/CronJob', defaultCronJobSpec],
]);

function defaultSpec(manifest: JsonObject, fn: (spec: JsonObject) => JsonObject): JsonObject {
  const draft = new Draft(manifest);
  draft.update('spec', fn);
  return draft.done();
}

/**
 * A manifest as the 1.28 API server validates it: with the v1 defaults of Pods, Services and the
 * apps/v1 and batch/v1 workloads (and their pod templates) applied. Any other value is returned
 * as is. Never modifies its input and never throws; returns the input itself when nothing changes.
 */
export function defaultManifest(manifest: unknown): unknown {
  if (!isJsonObject(manifest)) return manifest;
  if (typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') return manifest;
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  if (key === 'v1/Pod') return defaultSpec(manifest, spec => defaultPodSpec(spec, true));
  if (key === 'v1/Service') return defaultSpec(manifest, defaultServiceSpec);
  const workload = WORKLOADS.get(key);
  if (workload === undefined) return manifest;
  return defaultSpec(manifest, spec => {
    const draft = new Draft(spec);
    workload(draft);
    draft.update('template', defaultTemplate);
    return draft.done();
  });
}
