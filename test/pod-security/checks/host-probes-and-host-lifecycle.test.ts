import { describeCheck } from '../check-cases';
import { app, init } from '../fixtures';

describeCheck({
  check: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  cases: [
    {
      name: 'probes and handlers without host, or with an empty one',
      at: ['v1.34', 'latest'],
      tweak: pod => {
        Object.assign(app(pod), {
          livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
          readinessProbe: { tcpSocket: { port: 8080, host: '' } },
          startupProbe: { exec: { command: ['true'] } },
          lifecycle: { preStop: { sleep: { seconds: 5 } } },
        });
      },
    },
    {
      name: 'a liveness probe host, before the check existed',
      at: ['v1.0', 'v1.33'],
      tweak: pod => {
        app(pod).livenessProbe = { httpGet: { host: '169.254.169.254', path: '/', port: 80 } };
      },
    },
    {
      name: 'a liveness probe httpGet host',
      at: ['v1.34', 'latest'],
      tweak: pod => {
        app(pod).livenessProbe = { httpGet: { host: '169.254.169.254', path: '/', port: 80 } };
      },
      fails: {
        reason: 'probe or lifecycle host',
        detail: 'container "app" uses probe or lifecycle host "169.254.169.254"',
        field: 'spec.containers[0].livenessProbe.httpGet.host',
      },
    },
    {
      name: 'hosts in a startup probe, a readiness probe and lifecycle handlers of two containers',
      at: ['v1.34', 'latest'],
      tweak: pod => {
        Object.assign(app(pod), {
          startupProbe: { tcpSocket: { host: 'db.internal', port: 5432 } },
          readinessProbe: { httpGet: { host: 'db.internal', port: 8080 } },
        });
        init(pod).lifecycle = {
          postStart: { httpGet: { host: 'example.com', port: 80 } },
          preStop: { tcpSocket: { host: '10.0.0.1', port: 22 } },
        };
      },
      fails: {
        reason: 'probe or lifecycle host',
        // Upstream collects containers and hosts in sets: both lists come out sorted.
        detail:
          'containers "app", "init" use probe or lifecycle hosts "10.0.0.1", "db.internal", "example.com"',
        field: 'spec.initContainers[0].lifecycle.postStart.httpGet.host',
      },
    },
    {
      name: 'a preStop tcpSocket host on an ephemeral container',
      at: ['v1.34'],
      tweak: pod => {
        pod.spec.ephemeralContainers = [
          {
            name: 'debugger',
            image: 'busybox:1.36',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            lifecycle: { preStop: { tcpSocket: { host: 'localhost', port: 9000 } } },
          },
        ];
      },
      fails: {
        reason: 'probe or lifecycle host',
        detail: 'container "debugger" uses probe or lifecycle host "localhost"',
        field: 'spec.ephemeralContainers[0].lifecycle.preStop.tcpSocket.host',
      },
    },
  ],
});
