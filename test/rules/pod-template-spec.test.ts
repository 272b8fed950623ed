import { type LabelSelectorView, readLabelSelector } from '../../lib/rules/label-selector';
import type { PodTemplateRef } from '../../lib/rules/pod-template';
import {
  alwaysRestartingTemplate,
  selectorMismatch,
  validatePodTemplateSpec,
} from '../../lib/rules/pod-template-spec';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG } from './fixtures';
import { CONTAINER, mismatchFix } from './workload-fixtures';

// Expected problems follow pkg/apis/core/validation ValidatePodTemplateSpec and, in
// pkg/apis/apps/validation, ValidatePodTemplateSpecForReplicaSet and the restart-policy and
// activeDeadlineSeconds checks of the StatefulSet and DaemonSet specs.

type Json = Record<string, unknown>;

/** A template reference at a Deployment's paths, or a CronJob's with `cron`. */
function ref(spec: Json, metadata: Json = { labels: { app: 'web' } }, cron = false): PodTemplateRef {
  const path = cron ? 'spec.jobTemplate.spec.template' : 'spec.template';
  return {
    kind: cron ? 'CronJob' : 'Deployment',
    path,
    metadataPath: `${path}.metadata`,
    specPath: `${path}.spec`,
    metadata,
    spec,
  };
}

const selector = (value: unknown): LabelSelectorView | undefined =>
  readLabelSelector({ selector: value }, 'selector', 'spec.selector', []);

describe('validatePodTemplateSpec', () => {
  test.each<[string, PodTemplateRef, ValidationError[]]>([
    [
      'fails a template label key at <template>.labels, without metadata, as the server writes it',
      ref({ containers: [CONTAINER] }, { labels: { 'my app': 'web' } }),
      [
        err(
          'label-key-invalid',
          'spec.template.labels',
          'my app',
          MSG.qualifiedNamePart,
          `Rename key "my app" to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      ],
    ],
    [
      'fails a CronJob template at its own paths',
      ref({}, { labels: { app: 'web-' } }, true),
      [
        err(
          'label-value-invalid',
          'spec.jobTemplate.spec.template.labels',
          'web-',
          MSG.labelValue,
          `Change the value of "app" to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
        ),
        err(
          'pod-containers-required',
          'spec.jobTemplate.spec.template.spec.containers',
          undefined,
          'Required value: a Pod needs at least one container',
          'Add a container to spec.jobTemplate.spec.template.spec.containers.',
        ),
      ],
    ],
    [
      'fails ephemeral containers',
      ref({ containers: [CONTAINER], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }),
      [
        err(
          'pod-template-ephemeral-containers-forbidden',
          'spec.template.spec.ephemeralContainers',
          [{ name: 'debug', image: 'busybox' }],
          'Forbidden: ephemeral containers not allowed in pod template',
          'Remove spec.template.spec.ephemeralContainers; add ephemeral containers to a running Pod with kubectl debug.',
        ),
      ],
    ],
  ])('%s', (_, template, expected) => {
    expect(validatePodTemplateSpec(template)).toEqual(expected);
  });

  test.each<[string, PodTemplateRef]>([
    ['a template with one container', ref({ containers: [CONTAINER] })],
    ['a template without labels', ref({ containers: [CONTAINER] }, {})],
    [
      'an empty ephemeralContainers list (upstream checks its length)',
      ref({ containers: [CONTAINER], ephemeralContainers: [] }),
    ],
  ])('passes %s', (_, template) => {
    expect(validatePodTemplateSpec(template)).toEqual([]);
  });
});

describe('selectorMismatch', () => {
  const mismatch = (labels: unknown) =>
    err(
      'workload-selector-mismatch',
      'spec.template.metadata.labels',
      labels,
      '`selector` does not match template `labels`',
      mismatchFix(),
    );

  test.each<[string, LabelSelectorView | undefined, PodTemplateRef, ValidationError[]]>([
    [
      'fails a missing selector, which selects nothing (labels.Nothing)',
      undefined,
      ref({}),
      [mismatch({ app: 'web' })],
    ],
    [
      'fails a selector the labels do not satisfy',
      selector({ matchLabels: { app: 'web', tier: 'front' } }),
      ref({}),
      [mismatch({ app: 'web' })],
    ],
    [
      'fails a template without labels',
      selector({ matchLabels: { app: 'web' } }),
      ref({}, {}),
      [mismatch(undefined)],
    ],
    [
      'fails at the CronJob template path',
      undefined,
      ref({}, { labels: { app: 'web' } }, true),
      [
        err(
          'workload-selector-mismatch',
          'spec.jobTemplate.spec.template.metadata.labels',
          { app: 'web' },
          '`selector` does not match template `labels`',
          mismatchFix('spec.jobTemplate.spec.template'),
        ),
      ],
    ],
  ])('%s', (_, view, template, expected) => {
    expect(selectorMismatch(view, template)).toEqual(expected);
  });

  test.each<[string, LabelSelectorView | undefined]>([
    ['a matching selector', selector({ matchLabels: { app: 'web' } })],
    ['an empty selector (labels.Everything; reported as empty elsewhere)', selector({})],
    [
      'an unparsable selector (reported inside the selector)',
      selector({ matchExpressions: [{ key: 'app', operator: 'Has' }] }),
    ],
  ])('passes %s', (_, view) => {
    expect(selectorMismatch(view, ref({}))).toEqual([]);
  });
});

describe('alwaysRestartingTemplate', () => {
  test.each<[string, Json, string, ValidationError[]]>([
    [
      'fails restartPolicy Never',
      { restartPolicy: 'Never' },
      'ReplicaSet',
      [
        err(
          'workload-restart-policy-unsupported',
          'spec.template.spec.restartPolicy',
          'Never',
          'Unsupported value: supported values: "Always"',
          'Remove spec.template.spec.restartPolicy or set it to Always; use a Job for Pods that run to completion.',
        ),
      ],
    ],
    [
      'fails activeDeadlineSeconds 0, since upstream checks for presence',
      { activeDeadlineSeconds: 0 },
      'DaemonSet',
      [
        err(
          'workload-active-deadline-forbidden',
          'spec.template.spec.activeDeadlineSeconds',
          0,
          'Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
          'Remove spec.template.spec.activeDeadlineSeconds; use a Job for Pods with a deadline.',
        ),
      ],
    ],
  ])('%s', (_, spec, kind, expected) => {
    expect(alwaysRestartingTemplate(ref(spec), kind)).toEqual(expected);
  });

  test.each<[string, Json]>([
    ['no restartPolicy (defaults to Always)', {}],
    ['an empty restartPolicy', { restartPolicy: '' }],
    ['a null restartPolicy', { restartPolicy: null }],
    ['restartPolicy Always', { restartPolicy: 'Always' }],
    ['a null activeDeadlineSeconds', { activeDeadlineSeconds: null }],
  ])('passes %s', (_, spec) => {
    expect(alwaysRestartingTemplate(ref(spec), 'StatefulSet')).toEqual([]);
  });
});
