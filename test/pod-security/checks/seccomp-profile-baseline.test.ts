import { describeCheck } from '../check-cases';
import { app, context, podContext } from '../fixtures';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io';

describeCheck({
  check: 'seccompProfile_baseline',
  level: 'baseline',
  cases: [
    {
      name: 'allowed annotations, up to v1.18',
      at: ['v1.0', 'v1.18'],
      tweak: pod => {
        pod.metadata.annotations = {
          [POD_ANNOTATION]: 'runtime/default',
          [`${CONTAINER_ANNOTATION}/init`]: 'docker/default',
          [`${CONTAINER_ANNOTATION}/app`]: 'localhost/profiles/app.json',
          [`${CONTAINER_ANNOTATION}/gone`]: 'unconfined',
        };
      },
    },
    {
      name: 'an Unconfined field, which v1.18 and earlier do not read',
      at: ['v1.0', 'v1.18'],
      tweak: pod => {
        podContext(pod).seccompProfile = { type: 'Unconfined' };
      },
    },
    {
      name: 'an unconfined pod annotation, up to v1.18',
      at: ['v1.0', 'v1.18'],
      tweak: pod => {
        pod.metadata.annotations = { [POD_ANNOTATION]: 'unconfined' };
      },
      fails: {
        reason: 'seccompProfile',
        detail: `forbidden annotation ${POD_ANNOTATION}="unconfined"`,
        field: `metadata.annotations[${POD_ANNOTATION}]`,
      },
    },
    {
      name: 'empty container annotations, listed sorted',
      at: ['v1.18'],
      tweak: pod => {
        pod.metadata.annotations = {
          [`${CONTAINER_ANNOTATION}/init`]: '',
          [`${CONTAINER_ANNOTATION}/app`]: '',
        };
      },
      fails: {
        reason: 'seccompProfile',
        detail: `forbidden annotations ${CONTAINER_ANNOTATION}/app="", ${CONTAINER_ANNOTATION}/init=""`,
        field: `metadata.annotations[${CONTAINER_ANNOTATION}/init]`,
      },
    },
    {
      name: 'an unconfined annotation, which v1.19 and later do not read',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        pod.metadata.annotations = { [POD_ANNOTATION]: 'unconfined' };
      },
    },
    {
      name: 'RuntimeDefault on the pod, Localhost on a container',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/audit.json' };
      },
    },
    {
      name: 'pod Unconfined, from v1.19',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        podContext(pod).seccompProfile = { type: 'Unconfined' };
      },
      fails: {
        reason: 'seccompProfile',
        detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
        field: 'spec.securityContext.seccompProfile.type',
      },
    },
    {
      name: 'container Unconfined',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Unconfined' };
      },
      fails: {
        reason: 'seccompProfile',
        detail: 'container "app" must not set securityContext.seccompProfile.type to "Unconfined"',
        field: 'spec.containers[0].securityContext.seccompProfile.type',
      },
    },
  ],
});
