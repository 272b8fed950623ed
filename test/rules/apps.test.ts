import { validateManifest } from '../../lib/rules/manifest';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, repeat } from './fixtures';
import {
  CONTAINER,
  daemonSet,
  deployment,
  mismatchFix,
  negative,
  PERCENT_MSG,
  replicaSet,
  SELECTOR_FIX,
  statefulSet,
  template,
} from './workload-fixtures';

// Expected problems follow the 1.28 API server: pkg/apis/apps/validation/validation.go after the
// apps/v1 defaults (pkg/apis/apps/v1/defaults.go), read from a copy of release 1.28's file.

type Case = [string, Record<string, unknown>, ValidationError[]];

const LABELS = { app: 'web' };
const RU = 'spec.strategy.rollingUpdate';
const DS_RU = 'spec.updateStrategy.rollingUpdate';
const mismatch = (labels: unknown) =>
  err(
    'workload-selector-mismatch',
    'spec.template.metadata.labels',
    labels,
    '`selector` does not match template `labels`',
    mismatchFix(),
  );
const required = (value: unknown) =>
  err('workload-selector-required', 'spec.selector', value, 'Required value', SELECTOR_FIX);
const empty = (kind: string) =>
  err('workload-selector-empty', 'spec.selector', {}, `empty selector is invalid for ${kind}`, SELECTOR_FIX);
const badOperator = (selector: unknown) => [
  err(
    'label-selector-operator-invalid',
    'spec.selector.matchExpressions[0].operator',
    'Has',
    'not a valid selector operator',
    'Set spec.selector.matchExpressions[0].operator to In, NotIn, Exists or DoesNotExist.',
  ),
  err(
    'workload-selector-invalid',
    'spec.selector',
    selector,
    'invalid label selector',
    'Fix the problems reported inside spec.selector.',
  ),
];
const restartPolicy = (policy: string) =>
  err(
    'workload-restart-policy-unsupported',
    'spec.template.spec.restartPolicy',
    policy,
    'Unsupported value: supported values: "Always"',
    'Remove spec.template.spec.restartPolicy or set it to Always; use a Job for Pods that run to completion.',
  );
const deadline = (kind: string) =>
  err(
    'workload-active-deadline-forbidden',
    'spec.template.spec.activeDeadlineSeconds',
    60,
    `Forbidden: activeDeadlineSeconds in ${kind} is not Supported`,
    'Remove spec.template.spec.activeDeadlineSeconds; use a Job for Pods with a deadline.',
  );
const badContainerName = err(
  'container-name-invalid',
  'spec.template.spec.containers[0].name',
  'App',
  MSG.dns1123Label,
  'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
);
const overHundred = (field: string, value: string) =>
  err(
    'int-or-percent-over-100',
    field,
    value,
    'must not be greater than 100%',
    `Set ${field} to at most "100%".`,
  );
const unparsable = { matchExpressions: [{ key: 'app', operator: 'Has' }] };

const check = (obj: Record<string, unknown>) => validateManifest(obj);

describe('Deployment (ValidateDeploymentSpec)', () => {
  test.each<Case>([
    [
      'fails a missing selector (and so its template mismatch)',
      deployment({ selector: null }),
      [required(null), mismatch(LABELS)],
    ],
    [
      'fails an empty selector, which would select every Pod',
      deployment({ selector: {} }),
      [empty('deployment')],
    ],
    [
      'fails a selector its template labels do not match',
      deployment({ selector: { matchLabels: { app: 'api' } } }),
      [mismatch(LABELS)],
    ],
    [
      'fails a selector expression its template labels do not match',
      deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } }),
      [mismatch(LABELS)],
    ],
    [
      'fails an unparsable selector and still reports the template (upstream stops at the selector)',
      deployment({
        selector: unparsable,
        template: template({ containers: [{ name: 'App', image: 'nginx' }] }),
      }),
      [...badOperator(unparsable), badContainerName],
    ],
    ['fails negative replicas', deployment({ replicas: -1 }), [negative('spec.replicas', -1)]],
    [
      'fails minReadySeconds 700 without progressDeadlineSeconds, which defaults to 600',
      deployment({ minReadySeconds: 700 }),
      [
        err(
          'deployment-progress-deadline-invalid',
          'spec.progressDeadlineSeconds',
          600,
          'must be greater than minReadySeconds',
          'Set spec.progressDeadlineSeconds above spec.minReadySeconds (700).',
        ),
      ],
    ],
    [
      'fails progressDeadlineSeconds equal to minReadySeconds',
      deployment({ minReadySeconds: 30, progressDeadlineSeconds: 30 }),
      [
        err(
          'deployment-progress-deadline-invalid',
          'spec.progressDeadlineSeconds',
          30,
          'must be greater than minReadySeconds',
          'Set spec.progressDeadlineSeconds above spec.minReadySeconds (30).',
        ),
      ],
    ],
    [
      'fails a negative progressDeadlineSeconds twice, as upstream',
      deployment({ progressDeadlineSeconds: -1 }),
      [
        negative('spec.progressDeadlineSeconds', -1),
        err(
          'deployment-progress-deadline-invalid',
          'spec.progressDeadlineSeconds',
          -1,
          'must be greater than minReadySeconds',
          'Set spec.progressDeadlineSeconds above spec.minReadySeconds (0).',
        ),
      ],
    ],
    [
      'fails a negative minReadySeconds',
      deployment({ minReadySeconds: -5 }),
      [negative('spec.minReadySeconds', -5)],
    ],
    [
      'fails a negative revisionHistoryLimit',
      deployment({ revisionHistoryLimit: -1 }),
      [negative('spec.revisionHistoryLimit', -1)],
    ],
    [
      'fails Recreate with rollingUpdate',
      deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      [
        err(
          'deployment-rolling-update-forbidden',
          RU,
          { maxSurge: 1 },
          "Forbidden: may not be specified when strategy `type` is 'Recreate'",
          'Remove spec.strategy.rollingUpdate, or set spec.strategy.type to RollingUpdate.',
        ),
      ],
    ],
    [
      'fails an unknown strategy type',
      deployment({ strategy: { type: 'BlueGreen' } }),
      [
        err(
          'deployment-strategy-unsupported',
          'spec.strategy',
          { type: 'BlueGreen' },
          'Unsupported value: supported values: "Recreate", "RollingUpdate"',
          'Set spec.strategy.type to RollingUpdate or Recreate, or omit it for RollingUpdate.',
        ),
      ],
    ],
    [
      'fails maxUnavailable 0 with maxSurge 0',
      deployment({ strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } } }),
      [
        err(
          'deployment-rolling-update-stuck',
          `${RU}.maxUnavailable`,
          0,
          'may not be 0 when `maxSurge` is 0',
          `Set ${RU}.maxSurge or ${RU}.maxUnavailable above 0, or the rollout could never replace a Pod.`,
        ),
      ],
    ],
    [
      'fails maxUnavailable over 100%',
      deployment({ strategy: { rollingUpdate: { maxUnavailable: '110%' } } }),
      [overHundred(`${RU}.maxUnavailable`, '110%')],
    ],
    [
      'fails a maxSurge that is neither a count nor a percentage',
      deployment({ strategy: { rollingUpdate: { maxSurge: 'five' } } }),
      [
        err(
          'int-or-percent-invalid',
          `${RU}.maxSurge`,
          'five',
          PERCENT_MSG,
          `Set ${RU}.maxSurge to a count such as 1 or a percentage such as "25%".`,
        ),
      ],
    ],
    [
      'fails a negative maxSurge',
      deployment({ strategy: { rollingUpdate: { maxSurge: -1 } } }),
      [
        err(
          'field-negative',
          `${RU}.maxSurge`,
          -1,
          'must be greater than or equal to 0',
          `Set ${RU}.maxSurge to 0 or more.`,
        ),
      ],
    ],
    [
      'fails restartPolicy OnFailure',
      deployment({ template: template({ restartPolicy: 'OnFailure' }) }),
      [restartPolicy('OnFailure')],
    ],
    [
      'fails activeDeadlineSeconds, worded for ReplicaSets as upstream',
      deployment({ template: template({ activeDeadlineSeconds: 60 }) }),
      [deadline('ReplicaSet')],
    ],
    [
      'fails an invalid template label at spec.template.labels, as the server writes it',
      deployment({ template: template({}, { labels: { app: 'web', tier: 'front end' } }) }),
      [
        err(
          'label-value-invalid',
          'spec.template.labels',
          'front end',
          MSG.labelValue,
          `Change the value of "tier" to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
        ),
      ],
    ],
    [
      'fails ephemeral containers in the template',
      deployment({ template: template({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }) }),
      [
        err(
          'pod-template-ephemeral-containers-forbidden',
          'spec.template.spec.ephemeralContainers',
          undefined,
          'Forbidden: ephemeral containers not allowed in pod template',
          'Remove spec.template.spec.ephemeralContainers; add ephemeral containers to a running Pod with kubectl debug.',
        ),
      ],
    ],
    [
      'fails a missing template',
      deployment({ template: undefined }),
      [
        mismatch(undefined),
        err(
          'pod-containers-required',
          'spec.template.spec.containers',
          undefined,
          'Required value: a Pod needs at least one container',
          'Add a container to spec.template.spec.containers.',
        ),
      ],
    ],
    [
      'fails an upper-case name',
      deployment({}, { name: 'Web' }),
      [
        err(
          'metadata-name-invalid',
          'metadata.name',
          'Web',
          MSG.dns1123Subdomain,
          "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.",
        ),
      ],
    ],
  ])('%s', (_, obj, expected) => {
    expect(check(obj)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['the defaults', deployment()],
    ['a dotted name (a DNS subdomain)', deployment({}, { name: 'web.v1' })],
    ['zero replicas and revisionHistoryLimit', deployment({ replicas: 0, revisionHistoryLimit: 0 })],
    ['minReadySeconds 599 without progressDeadlineSeconds (600)', deployment({ minReadySeconds: 599 })],
    [
      'progressDeadlineSeconds above minReadySeconds',
      deployment({ minReadySeconds: 10, progressDeadlineSeconds: 11 }),
    ],
    ['Recreate without rollingUpdate', deployment({ strategy: { type: 'Recreate', rollingUpdate: null } })],
    ['an empty strategy type (defaults to RollingUpdate)', deployment({ strategy: { type: '' } })],
    [
      'maxUnavailable 0 alone (maxSurge defaults to 25%)',
      deployment({ strategy: { rollingUpdate: { maxUnavailable: 0 } } }),
    ],
    [
      'maxUnavailable 100% and maxSurge 200% (only maxUnavailable is capped)',
      deployment({ strategy: { rollingUpdate: { maxUnavailable: '100%', maxSurge: '200%' } } }),
    ],
    ['restartPolicy Always', deployment({ template: template({ restartPolicy: 'Always' }) })],
    [
      'selector expressions that the template labels satisfy',
      deployment({
        selector: {
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'app', operator: 'In', values: ['web', 'api'] },
            { key: 'tier', operator: 'NotIn', values: ['db'] },
            { key: 'app', operator: 'Exists' },
            { key: 'canary', operator: 'DoesNotExist' },
          ],
        },
      }),
    ],
  ])('passes %s', (_, obj) => {
    expect(check(obj)).toEqual([]);
  });
});

describe('ReplicaSet (ValidateReplicaSetSpec)', () => {
  test.each<Case>([
    [
      'fails a missing selector',
      replicaSet({ selector: undefined }),
      [required(undefined), mismatch(LABELS)],
    ],
    [
      'fails an empty selector, worded for deployments as upstream',
      replicaSet({ selector: {} }),
      [empty('deployment')],
    ],
    ['fails an unparsable selector', replicaSet({ selector: unparsable }), badOperator(unparsable)],
    ['fails negative replicas', replicaSet({ replicas: -2 }), [negative('spec.replicas', -2)]],
    [
      'fails a negative minReadySeconds',
      replicaSet({ minReadySeconds: -1 }),
      [negative('spec.minReadySeconds', -1)],
    ],
    [
      'fails restartPolicy Never',
      replicaSet({ template: template({ restartPolicy: 'Never' }) }),
      [restartPolicy('Never')],
    ],
    [
      'fails activeDeadlineSeconds',
      replicaSet({ template: template({ activeDeadlineSeconds: 60 }) }),
      [deadline('ReplicaSet')],
    ],
  ])('%s', (_, obj, expected) => {
    expect(check(obj)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['the defaults', replicaSet()],
    ['a minReadySeconds beyond 600 (no progress deadline here)', replicaSet({ minReadySeconds: 700 })],
  ])('passes %s', (_, obj) => {
    expect(check(obj)).toEqual([]);
  });
});

describe('StatefulSet (ValidateStatefulSetSpec)', () => {
  const labelNameFix =
    'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.';
  test.each<Case>([
    [
      'fails a dotted name: its Pods use it as their hostname (a DNS label)',
      statefulSet({}, { name: 'web.v1' }),
      [err('metadata-name-invalid', 'metadata.name', 'web.v1', 'must not contain dots', labelNameFix)],
    ],
    [
      'fails a 64-character name',
      statefulSet({}, { name: repeat('a', 64) }),
      [
        err(
          'metadata-name-invalid',
          'metadata.name',
          repeat('a', 64),
          'must be no more than 63 characters',
          labelNameFix,
        ),
      ],
    ],
    [
      'fails a missing selector',
      statefulSet({ selector: undefined }),
      [required(undefined), mismatch(LABELS)],
    ],
    ['fails an empty selector', statefulSet({ selector: {} }), [empty('statefulset')]],
    [
      'fails an unparsable selector with the empty detail upstream gives (Invalid value)',
      statefulSet({ selector: unparsable }),
      [
        badOperator(unparsable)[0],
        err(
          'workload-selector-invalid',
          'spec.selector',
          unparsable,
          'Invalid value',
          'Fix the problems reported inside spec.selector.',
        ),
      ],
    ],
    [
      'fails an unknown podManagementPolicy',
      statefulSet({ podManagementPolicy: 'Random' }),
      [
        err(
          'statefulset-pod-management-policy-invalid',
          'spec.podManagementPolicy',
          'Random',
          "must be 'OrderedReady' or 'Parallel'",
          'Set spec.podManagementPolicy to OrderedReady or Parallel, or omit it for OrderedReady.',
        ),
      ],
    ],
    [
      'fails an unknown updateStrategy type',
      statefulSet({ updateStrategy: { type: 'Canary' } }),
      [
        err(
          'statefulset-update-strategy-invalid',
          'spec.updateStrategy',
          { type: 'Canary' },
          "must be 'RollingUpdate' or 'OnDelete'",
          'Set spec.updateStrategy.type to RollingUpdate or OnDelete, or omit it for RollingUpdate.',
        ),
      ],
    ],
    [
      'fails OnDelete with rollingUpdate, even an empty one',
      statefulSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: {} } }),
      [
        err(
          'statefulset-rolling-update-forbidden',
          DS_RU,
          {},
          "only allowed for updateStrategy 'RollingUpdate'",
          'Remove spec.updateStrategy.rollingUpdate, or set spec.updateStrategy.type to RollingUpdate.',
        ),
      ],
    ],
    [
      'fails a negative partition',
      statefulSet({ updateStrategy: { rollingUpdate: { partition: -1 } } }),
      [negative(`${DS_RU}.partition`, -1)],
    ],
    [
      'fails an unknown PVC retention policy',
      statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep', whenScaled: 'Delete' } }),
      [
        err(
          'statefulset-pvc-retention-policy-unsupported',
          'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
          'Keep',
          'Unsupported value: supported values: "Retain", "Delete"',
          'Set spec.persistentVolumeClaimRetentionPolicy.whenDeleted to Retain or Delete, or omit it for Retain.',
        ),
      ],
    ],
    [
      'fails a negative ordinals.start',
      statefulSet({ ordinals: { start: -1 } }),
      [negative('spec.ordinals.start', -1)],
    ],
    ['fails negative replicas', statefulSet({ replicas: -1 }), [negative('spec.replicas', -1)]],
    [
      'fails a negative minReadySeconds',
      statefulSet({ minReadySeconds: -1 }),
      [negative('spec.minReadySeconds', -1)],
    ],
    [
      'fails restartPolicy Never',
      statefulSet({ template: template({ restartPolicy: 'Never' }) }),
      [restartPolicy('Never')],
    ],
    [
      'fails activeDeadlineSeconds',
      statefulSet({ template: template({ activeDeadlineSeconds: 60 }) }),
      [deadline('StatefulSet')],
    ],
    [
      'fails its template as a Pod (a deliberate choice: the 1.28 server checks only labels and annotations, then refuses the Pods)',
      statefulSet({ template: template({ containers: [{ name: 'App', image: 'nginx' }] }) }),
      [badContainerName],
    ],
  ])('%s', (_, obj, expected) => {
    expect(check(obj)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['the defaults', statefulSet()],
    ['a 63-character name', statefulSet({}, { name: repeat('a', 63) })],
    ['Parallel pod management', statefulSet({ podManagementPolicy: 'Parallel' })],
    ['OnDelete without rollingUpdate', statefulSet({ updateStrategy: { type: 'OnDelete' } })],
    [
      'maxUnavailable 0, which the 1.28 server drops (MaxUnavailableStatefulSet is off)',
      statefulSet({ updateStrategy: { rollingUpdate: { partition: 0, maxUnavailable: 0 } } }),
    ],
    [
      'retention policies, empty ones defaulting to Retain',
      statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: '' } }),
    ],
    ['ordinals starting at 5', statefulSet({ ordinals: { start: 5 } })],
  ])('passes %s', (_, obj) => {
    expect(check(obj)).toEqual([]);
  });
});

describe('DaemonSet (ValidateDaemonSetSpec)', () => {
  const surgeForbidden = (value: unknown) =>
    err(
      'daemonset-max-surge-forbidden',
      `${DS_RU}.maxSurge`,
      value,
      'may not be set when maxUnavailable is non-zero',
      `Set ${DS_RU}.maxUnavailable to 0 when you set maxSurge (maxUnavailable defaults to 1).`,
    );
  const unavailableRequired = (value: unknown) =>
    err(
      'daemonset-max-unavailable-required',
      `${DS_RU}.maxUnavailable`,
      value,
      'Required value: cannot be 0 when maxSurge is 0',
      `Set ${DS_RU}.maxUnavailable or ${DS_RU}.maxSurge above 0.`,
    );
  test.each<Case>([
    [
      'fails a missing selector with the mismatch only (no Required check for DaemonSets upstream)',
      daemonSet({ selector: undefined }),
      [mismatch(LABELS)],
    ],
    ['fails an empty selector', daemonSet({ selector: {} }), [empty('daemonset')]],
    [
      'fails an unparsable selector with its own problems only',
      daemonSet({ selector: unparsable }),
      [badOperator(unparsable)[0]],
    ],
    [
      'fails a rollingUpdate with only maxSurge: 1, since maxUnavailable defaults to 1',
      daemonSet({ updateStrategy: { rollingUpdate: { maxSurge: 1 } } }),
      [surgeForbidden(1)],
    ],
    [
      'fails maxUnavailable 0 alone, since maxSurge defaults to 0',
      daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } }),
      [unavailableRequired(0)],
    ],
    [
      'fails 0% for both',
      daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: '0%', maxSurge: '0%' } } }),
      [unavailableRequired('0%')],
    ],
    [
      'fails maxSurge over 100%',
      daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '150%' } } }),
      [overHundred(`${DS_RU}.maxSurge`, '150%')],
    ],
    [
      'fails maxUnavailable over 100%',
      daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: '101%' } } }),
      [overHundred(`${DS_RU}.maxUnavailable`, '101%')],
    ],
    [
      'fails an unknown updateStrategy type',
      daemonSet({ updateStrategy: { type: 'Canary' } }),
      [
        err(
          'daemonset-update-strategy-unsupported',
          'spec.updateStrategy',
          { type: 'Canary' },
          'Unsupported value: supported values: "RollingUpdate", "OnDelete"',
          'Set spec.updateStrategy.type to RollingUpdate or OnDelete, or omit it for RollingUpdate.',
        ),
      ],
    ],
    [
      'fails a negative minReadySeconds',
      daemonSet({ minReadySeconds: -1 }),
      [negative('spec.minReadySeconds', -1)],
    ],
    [
      'fails a negative revisionHistoryLimit',
      daemonSet({ revisionHistoryLimit: -1 }),
      [negative('spec.revisionHistoryLimit', -1)],
    ],
    [
      'fails restartPolicy OnFailure',
      daemonSet({ template: template({ restartPolicy: 'OnFailure' }) }),
      [restartPolicy('OnFailure')],
    ],
    [
      'fails activeDeadlineSeconds',
      daemonSet({ template: template({ activeDeadlineSeconds: 60 }) }),
      [deadline('DaemonSet')],
    ],
  ])('%s', (_, obj, expected) => {
    expect(check(obj)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['the defaults', daemonSet()],
    [
      'maxSurge with maxUnavailable 0',
      daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '100%' } } }),
    ],
    ['maxUnavailable 100%', daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: '100%' } } })],
    [
      'OnDelete, whatever rollingUpdate holds',
      daemonSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { maxSurge: 1 } } }),
    ],
    ['spec.templateGeneration, which apps/v1 does not serve', daemonSet({ templateGeneration: -1 })],
  ])('passes %s', (_, obj) => {
    expect(check(obj)).toEqual([]);
  });
});

describe('StatefulSet volumeClaimTemplates', () => {
  const mountData = template({
    containers: [{ ...CONTAINER, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
  });

  test('lets the template mount a volume its controller adds from a claim template', () => {
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } };
    expect(validateManifest(statefulSet({ template: mountData, volumeClaimTemplates: [claim] }))).toEqual([]);
  });

  test('fails a mount of a volume neither the template nor a claim template has', () => {
    expect(
      validateManifest(statefulSet({ template: mountData })).map(p => [p.rule, p.field, p.message]),
    ).toEqual([
      ['volume-mount-volume-not-found', 'spec.template.spec.containers[0].volumeMounts[0].name', 'Not found'],
    ]);
  });
});
