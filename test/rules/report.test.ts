import { error, reasons, unsupported, warning } from '../../lib/rules/report';

test('error and warning build complete problems', () => {
  expect(error('r', 'f', 1, 'm', 'x')).toEqual({
    rule: 'r',
    severity: 'error',
    field: 'f',
    value: 1,
    message: 'm',
    fix: 'x',
  });
  expect(warning('r', 'f', 1, 'm', 'x').severity).toBe('warning');
});

test('unsupported sorts and quotes like upstream field.NotSupported', () => {
  expect(unsupported(['TCP', 'UDP', 'SCTP'])).toBe(
    'Unsupported value: supported values: "SCTP", "TCP", "UDP"',
  );
});

test('reasons joins upstream reasons', () => {
  expect(reasons(['a', 'b'])).toBe('a; b');
});
