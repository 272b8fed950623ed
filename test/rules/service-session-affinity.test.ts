import { validateService } from '../../lib/rules/service';
import { err, service } from './fixtures';

describe('Service session affinity (upstream ValidateService, validateAffinityTimeout)', () => {
  test('fails an unknown affinity', () => {
    expect(validateService(service({ sessionAffinity: 'Cookie' }))).toEqual([
      err(
        'service-session-affinity-unsupported',
        'spec.sessionAffinity',
        'Cookie',
        'Unsupported value: supported values: "ClientIP", "None"',
        'Set spec.sessionAffinity to ClientIP or None, or remove it for None.',
      ),
    ]);
  });

  test.each([0, 86401])('fails a ClientIP timeout of %d seconds', timeoutSeconds => {
    const manifest = service({
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds } },
    });
    expect(validateService(manifest)).toEqual([
      err(
        'service-session-affinity-timeout-invalid',
        'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        timeoutSeconds,
        'must be greater than 0 and less than 86400',
        'Set spec.sessionAffinityConfig.clientIP.timeoutSeconds to 1-86400 seconds, or remove it for 10800 (3 hours).',
      ),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no affinity', service()],
    ['ClientIP without config (defaulted to 10800 s)', service({ sessionAffinity: 'ClientIP' })],
    [
      'ClientIP with a config without timeout',
      service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } }),
    ],
    [
      'ClientIP with 1 and 86400 seconds',
      service({
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } },
      }),
    ],
    [
      'None with a config (defaulting drops it before validation)',
      service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });
});
