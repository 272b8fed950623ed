import { applySuppression, DEFAULT_NODE_PORT_RANGE } from '../../lib/rules/options';
import { error, warning } from '../../lib/rules/report';

const problems = [
  error('e', 'f', 1, 'm', 'x'),
  warning('w', 'f', 1, 'm', 'x'),
  warning('other', 'f', 1, 'm', 'x'),
];

test('the default node port range is the API server default', () => {
  expect(DEFAULT_NODE_PORT_RANGE).toEqual({ min: 30000, max: 32767 });
});

test('suppress drops listed warnings only', () => {
  expect(applySuppression(problems, { suppress: ['w'] })).toEqual([problems[0], problems[2]]);
});

test('suppressing an error rule id has no effect', () => {
  expect(applySuppression(problems, { suppress: ['e'] })).toEqual(problems);
});

test('no options keep everything', () => {
  expect(applySuppression(problems, {})).toEqual(problems);
});
