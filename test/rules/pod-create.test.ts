import { validatePod } from '../../lib/rules/pod';
import { err, pod } from './fixtures';

describe('Pod-only rules (upstream ValidatePodCreate)', () => {
  test('fails ephemeral containers on create', () => {
    const ephemeralContainers = [{ name: 'debug', image: 'busybox' }];
    expect(validatePod(pod({ ephemeralContainers }))).toEqual([
      err(
        'pod-ephemeral-containers-forbidden',
        'spec.ephemeralContainers',
        ephemeralContainers,
        'Forbidden: cannot be set on create',
        'Remove spec.ephemeralContainers; add ephemeral containers to the running Pod with kubectl debug.',
      ),
    ]);
  });

  test('fails a nodeName while scheduling gates remain', () => {
    expect(
      validatePod(pod({ nodeName: 'worker-1', schedulingGates: [{ name: 'example.com/quota' }] })),
    ).toEqual([
      err(
        'pod-node-name-scheduling-gates',
        'spec.nodeName',
        'worker-1',
        'Forbidden: cannot be set until all schedulingGates have been cleared',
        'Remove spec.nodeName and let the scheduler place the Pod once its gates are removed, or remove spec.schedulingGates.',
      ),
    ]);
  });

  test('passes a nodeName without gates, gates without a nodeName, and empty lists', () => {
    expect(validatePod(pod({ nodeName: 'worker-1', schedulingGates: [], ephemeralContainers: [] }))).toEqual(
      [],
    );
    expect(validatePod(pod({ schedulingGates: [{ name: 'example.com/quota' }] }))).toEqual([]);
  });
});
