import { describeCheck } from '../check-cases';
import { app, context, init, podContext } from '../fixtures';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io';

/** The appArmorProfile check has one revision (v1.0); the fields arrived with Kubernetes 1.30 but count at every version. */
const EVERY_VERSION = ['v1.0', 'v1.29', 'v1.30', 'latest'] as const;

describeCheck({
  check: 'appArmorProfile',
  level: 'baseline',
  cases: [
    {
      name: 'runtime/default, localhost/* and empty annotations',
      at: EVERY_VERSION,
      tweak: pod => {
        pod.metadata.annotations = {
          [`${ANNOTATION}/app`]: 'runtime/default',
          [`${ANNOTATION}/init`]: 'localhost/k8s-apparmor-example',
          [`${ANNOTATION}/other`]: '',
          'example.com/unrelated': 'unconfined',
        };
      },
    },
    {
      name: 'RuntimeDefault and Localhost profile fields',
      at: EVERY_VERSION,
      tweak: pod => {
        podContext(pod).appArmorProfile = { type: 'RuntimeDefault' };
        context(app(pod)).appArmorProfile = { type: 'Localhost', localhostProfile: 'k8s-apparmor-example' };
      },
    },
    {
      name: 'one unconfined annotation',
      at: EVERY_VERSION,
      tweak: pod => {
        pod.metadata.annotations = { [`${ANNOTATION}/app`]: 'unconfined' };
      },
      fails: {
        reason: 'forbidden AppArmor profile',
        detail: `annotation must not set AppArmor profile type to "${ANNOTATION}/app="unconfined""`,
        field: `metadata.annotations[${ANNOTATION}/app]`,
      },
    },
    {
      name: 'two forbidden annotations, listed sorted',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.metadata.annotations = {
          [`${ANNOTATION}/init`]: 'unconfined',
          [`${ANNOTATION}/app`]: 'docker/default',
        };
      },
      fails: {
        reason: 'forbidden AppArmor profiles',
        detail: `annotations must not set AppArmor profile type to "${ANNOTATION}/app="docker/default"", "${ANNOTATION}/init="unconfined""`,
        field: `metadata.annotations[${ANNOTATION}/app]`,
      },
    },
    {
      name: 'Unconfined on the pod',
      at: EVERY_VERSION,
      tweak: pod => {
        podContext(pod).appArmorProfile = { type: 'Unconfined' };
      },
      fails: {
        reason: 'forbidden AppArmor profile',
        detail: 'pod must not set AppArmor profile type to "Unconfined"',
        field: 'spec.securityContext.appArmorProfile.type',
      },
    },
    {
      name: 'Unconfined on two containers and an empty type on the pod',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).appArmorProfile = {};
        context(init(pod)).appArmorProfile = { type: 'Unconfined' };
        context(app(pod)).appArmorProfile = { type: 'Unconfined' };
      },
      fails: {
        reason: 'forbidden AppArmor profiles',
        detail: 'pod and containers "init", "app" must not set AppArmor profile type to "", "Unconfined"',
        field: 'spec.securityContext.appArmorProfile.type',
      },
    },
    {
      name: 'a container field and an annotation',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).appArmorProfile = { type: 'Unconfined' };
        pod.metadata.annotations = { [`${ANNOTATION}/init`]: 'unconfined' };
      },
      fails: {
        reason: 'forbidden AppArmor profiles',
        detail: `container "app" and annotation must not set AppArmor profile type to "Unconfined", "${ANNOTATION}/init="unconfined""`,
        field: 'spec.containers[0].securityContext.appArmorProfile.type',
      },
    },
  ],
});
