import { checkManifests } from '../../lib/engine';
import { evaluatePodSecurity } from '../../lib/pod-security';
import { defaultManifest } from '../../lib/rules/defaults';

type Json = Record<string, any>;

/** A Pod that passes restricted, with `spec` entries on top. */
function restrictedPod(spec: Json = {}, container: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27.3',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          ...container,
        },
      ],
      ...spec,
    },
  };
}

describe('checkManifests validates after the v1 defaults', () => {
  test('a volume without a source is an emptyDir, which restricted allows', () => {
    const pod = restrictedPod(
      { volumes: [{ name: 'scratch' }] },
      { volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] },
    );
    // Pod Security reads a sourceless volume as the emptyDir it becomes, too.
    expect(evaluatePodSecurity(pod, 'restricted')).toEqual([]);
    expect(checkManifests([pod])).toEqual([]);
  });

  test("a hostNetwork Pod's container ports become host ports, as baseline then sees them", () => {
    const pod = restrictedPod({ hostNetwork: true }, { ports: [{ containerPort: 8080 }] });
    expect(checkManifests([pod], { podSecurity: 'baseline' }).map(f => f.rule)).toEqual([
      'pod-security/hostNamespaces',
      'pod-security/hostPorts',
    ]);
  });

  test('a fieldRef without apiVersion reads the v1 Pod', () => {
    const pod = restrictedPod(
      {},
      { env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
    );
    expect(checkManifests([pod])).toEqual([]);
  });

  test('an Indexed Job without completions gets one, so the API server admits it', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'batch' },
      spec: {
        completionMode: 'Indexed',
        template: { spec: { ...restrictedPod().spec, restartPolicy: 'Never' } },
      },
    };
    expect(checkManifests([job])).toEqual([]);
  });

  test('problems keep the path and the value the user wrote', () => {
    const pod = restrictedPod({}, { resources: { requests: { cpu: '1.5' }, limits: { cpu: '1' } } });
    expect(checkManifests([pod])).toEqual([
      {
        index: 0,
        rule: 'resource-request-exceeds-limit',
        severity: 'error',
        field: 'spec.containers[0].resources.requests',
        value: '1.5',
        message: 'must be less than or equal to cpu limit of 1',
        fix: 'Lower spec.containers[0].resources.requests[cpu] to at most the limit, or raise spec.containers[0].resources.limits[cpu].',
      },
    ]);
  });

  test('gives the same findings for a manifest and its defaulted form', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 99999 }] },
    };
    const manifests = [restrictedPod({ volumes: [{ name: 'x' }] }, { image: ' nginx' }), service];
    expect(checkManifests(manifests.map(defaultManifest))).toEqual(checkManifests(manifests));
    expect(checkManifests(manifests).map(f => f.rule)).toEqual([
      'container-image-whitespace',
      'service-node-port-out-of-range',
    ]);
  });

  test('leaves its input alone', () => {
    const pod = restrictedPod({ volumes: [{ name: 'scratch' }] });
    const copy = structuredClone(pod);
    checkManifests([pod]);
    expect(pod).toEqual(copy);
  });
});
