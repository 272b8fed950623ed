import { describeCheck } from '../check-cases';
import { app, init } from '../fixtures';

describeCheck({
  check: 'hostPorts',
  level: 'baseline',
  cases: [
    {
      name: 'hostPort 0 or unset',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        app(pod).ports = [{ containerPort: 8080, hostPort: 0 }, { containerPort: 9090 }];
      },
    },
    {
      name: 'one container, two host ports, sorted as text',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        app(pod).ports = [
          { containerPort: 8080, hostPort: 8080 },
          { containerPort: 80, hostPort: 80 },
        ];
      },
      fails: {
        reason: 'hostPort',
        detail: 'container "app" uses hostPorts 80, 8080',
        field: 'spec.containers[0].ports[0].hostPort',
      },
    },
    {
      name: 'two containers, one shared host port',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        init(pod).ports = [{ containerPort: 53, hostPort: 53 }];
        app(pod).ports = [{ containerPort: 8080 }, { containerPort: 53, hostPort: 53 }];
      },
      fails: {
        reason: 'hostPort',
        detail: 'containers "init", "app" use hostPort 53',
        field: 'spec.initContainers[0].ports[0].hostPort',
      },
    },
  ],
});
