import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, pod, podWith } from './fixtures';
import { deployment, template } from './workload-fixtures';

type Json = Record<string, unknown>;

const C = 'spec.containers[0]';
const I = 'spec.initContainers[0]';
const E = 'spec.ephemeralContainers[0]';
const SIDECAR_ONLY = 'Forbidden: may not be set for init containers without restartPolicy=Always';
const EPHEMERAL = 'Forbidden: cannot be set for an Ephemeral Container';
const sidecarFix = (field: string) =>
  `Remove ${I}.${field}, or set ${I}.restartPolicy: Always to make the init container a sidecar.`;
const ephemeralFix = (field: string) =>
  `Remove ${E}.${field}; ephemeral containers are for debugging and get no ports, resources, probes or hooks.`;
const CREATE_FORBIDDEN = err(
  'pod-ephemeral-containers-forbidden',
  'spec.ephemeralContainers',
  undefined,
  'Forbidden: cannot be set on create',
  'Remove spec.ephemeralContainers; add them to the running Pod with kubectl debug.',
);

const withInit = (init: Json) => pod({ initContainers: [{ name: 'init', image: 'busybox:1.36', ...init }] });
const withEphemeral = (ephemeral: Json) =>
  pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36', ...ephemeral }] });

describe('container rules by kind', () => {
  test.each<[string, Json, ValidationError[]]>([
    [
      'fails an unknown pull policy and termination message policy',
      podWith({ imagePullPolicy: 'Sometimes', terminationMessagePolicy: 'Log' }),
      [
        err(
          'container-termination-message-policy-unsupported',
          `${C}.terminationMessagePolicy`,
          'Log',
          'Unsupported value: supported values: "File", "FallbackToLogsOnError"',
          `Set ${C}.terminationMessagePolicy to File or FallbackToLogsOnError, or omit it for File.`,
        ),
        err(
          'container-image-pull-policy-unsupported',
          `${C}.imagePullPolicy`,
          'Sometimes',
          'Unsupported value: supported values: "Always", "IfNotPresent", "Never"',
          `Set ${C}.imagePullPolicy to Always, IfNotPresent or Never.`,
        ),
      ],
    ],
    [
      'fails a restartPolicy on a regular container',
      podWith({ restartPolicy: 'Always' }),
      [
        err(
          'container-restart-policy-forbidden',
          `${C}.restartPolicy`,
          'Always',
          'Forbidden: may not be set for non-init containers',
          `Remove ${C}.restartPolicy; set the Pod's spec.restartPolicy instead, or move the container to initContainers as a sidecar.`,
        ),
      ],
    ],
    [
      'fails an image with blanks around it',
      podWith({ image: ' nginx:1.25' }),
      [
        err(
          'container-image-whitespace',
          `${C}.image`,
          ' nginx:1.25',
          'must not have leading or trailing whitespace',
          `Remove the blanks around ${C}.image.`,
        ),
      ],
    ],
    [
      'fails probes and hooks on an init container that is not a sidecar',
      withInit({
        lifecycle: { preStop: { exec: { command: ['true'] } } },
        livenessProbe: { tcpSocket: { port: 80 } },
        readinessProbe: { tcpSocket: { port: 80 } },
        startupProbe: { tcpSocket: { port: 80 } },
      }),
      [
        err(
          'init-container-field-forbidden',
          `${I}.lifecycle`,
          undefined,
          SIDECAR_ONLY,
          sidecarFix('lifecycle'),
        ),
        err(
          'init-container-field-forbidden',
          `${I}.livenessProbe`,
          undefined,
          SIDECAR_ONLY,
          sidecarFix('livenessProbe'),
        ),
        err(
          'init-container-field-forbidden',
          `${I}.readinessProbe`,
          undefined,
          SIDECAR_ONLY,
          sidecarFix('readinessProbe'),
        ),
        err(
          'init-container-field-forbidden',
          `${I}.startupProbe`,
          undefined,
          SIDECAR_ONLY,
          sidecarFix('startupProbe'),
        ),
      ],
    ],
    [
      'fails an init container restartPolicy other than Always',
      withInit({ restartPolicy: 'OnFailure', startupProbe: { tcpSocket: { port: 80 } } }),
      [
        err(
          'init-container-restart-policy-unsupported',
          `${I}.restartPolicy`,
          'OnFailure',
          'Unsupported value: supported values: "Always"',
          `Set ${I}.restartPolicy to Always for a sidecar, or remove it.`,
        ),
        err(
          'init-container-field-forbidden',
          `${I}.startupProbe`,
          undefined,
          SIDECAR_ONLY,
          sidecarFix('startupProbe'),
        ),
      ],
    ],
    [
      "checks a sidecar's probes like a regular container's",
      withInit({ restartPolicy: 'Always', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }),
      [
        err(
          'probe-success-threshold-invalid',
          `${I}.livenessProbe.successThreshold`,
          2,
          'must be 1',
          `Set ${I}.livenessProbe.successThreshold to 1, or remove it.`,
        ),
      ],
    ],
    [
      'fails every field an ephemeral container may not set, even empty ones, and ephemeral containers on create',
      withEphemeral({
        ports: [],
        resources: { limits: {} },
        livenessProbe: {},
        lifecycle: {},
        restartPolicy: 'Always',
      }),
      [
        err('ephemeral-container-field-forbidden', `${E}.ports`, undefined, EPHEMERAL, ephemeralFix('ports')),
        err(
          'ephemeral-container-field-forbidden',
          `${E}.resources`,
          undefined,
          EPHEMERAL,
          ephemeralFix('resources'),
        ),
        err(
          'ephemeral-container-field-forbidden',
          `${E}.restartPolicy`,
          undefined,
          EPHEMERAL,
          ephemeralFix('restartPolicy'),
        ),
        err(
          'ephemeral-container-field-forbidden',
          `${E}.livenessProbe`,
          undefined,
          EPHEMERAL,
          ephemeralFix('livenessProbe'),
        ),
        err(
          'ephemeral-container-field-forbidden',
          `${E}.lifecycle`,
          undefined,
          EPHEMERAL,
          ephemeralFix('lifecycle'),
        ),
        CREATE_FORBIDDEN,
      ],
    ],
    [
      'fails an ephemeral container named like a container, aimed at a missing target, mounting a sub path',
      pod({
        volumes: [{ name: 'data', emptyDir: {} }],
        ephemeralContainers: [
          {
            name: 'app',
            image: 'busybox:1.36 ',
            targetContainerName: 'db',
            volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'x' }],
          },
        ],
      }),
      [
        err(
          'container-image-whitespace',
          `${E}.image`,
          'busybox:1.36 ',
          'must not have leading or trailing whitespace',
          `Remove the blanks around ${E}.image.`,
        ),
        err(
          'ephemeral-container-name-duplicate',
          `${E}.name`,
          'app',
          'Duplicate value',
          'Give the ephemeral container a name no other container of the Pod uses.',
        ),
        err(
          'ephemeral-container-target-not-found',
          `${E}.targetContainerName`,
          'db',
          'Not found',
          `Set ${E}.targetContainerName to one of the Pod's containers or init containers.`,
        ),
        err(
          'ephemeral-container-sub-path-forbidden',
          `${E}.volumeMounts[0].subPath`,
          'x',
          EPHEMERAL,
          `Remove ${E}.volumeMounts[0].subPath; mount the whole volume instead.`,
        ),
        CREATE_FORBIDDEN,
      ],
    ],
  ])('%s', (_name, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test('an image with blanks fails in a workload template too, whose Pods the server would refuse (stricter)', () => {
    const blanks = deployment({
      template: template({ containers: [{ name: 'app', image: 'nginx:1.25\n' }] }),
    });
    expect(validateManifest(blanks)).toEqual([
      err(
        'container-image-whitespace',
        'spec.template.spec.containers[0].image',
        'nginx:1.25\n',
        'must not have leading or trailing whitespace',
        'Remove the blanks around spec.template.spec.containers[0].image.',
      ),
    ]);
  });

  test.each<[string, Json]>([
    [
      'a sidecar with probes and hooks',
      withInit({
        restartPolicy: 'Always',
        lifecycle: { preStop: { exec: { command: ['true'] } } },
        readinessProbe: { tcpSocket: { port: 80 } },
      }),
    ],
    [
      'a container with every policy spelled out',
      podWith({ imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }),
    ],
    [
      'an ephemeral container with an empty resources object (the zero value)',
      withEphemeral({ resources: {} }),
    ],
  ])('passes %s (apart from ephemeral containers on create)', (_name, manifest) => {
    expect(validatePod(manifest).filter(p => p.rule !== 'pod-ephemeral-containers-forbidden')).toEqual([]);
  });
});
