import { buildReport, describeProblem } from '../../lib/cli/report';
import { problem } from './sample-report';

const TOOL = { name: 'pooh-pod-check', version: '1.2.3', informationUri: 'https://example.com' };

describe('buildReport', () => {
  test('counts errors and warnings and sorts problems by file, line, column, rule, then field', () => {
    const given = [
      problem({ file: 'b.yaml', line: 1, column: 1, rule: 'a-rule' }),
      problem({ file: 'a.yaml', line: 10, column: 3, rule: 'z-rule', severity: 'warning' }),
      problem({ file: 'a.yaml', line: 10, column: 3, rule: 'b-rule', field: 'spec.y' }),
      problem({ file: 'a.yaml', line: 10, column: 3, rule: 'b-rule', field: 'spec.x' }),
      problem({ file: 'a.yaml', line: 9, column: 30, rule: 'z-rule' }),
      problem({ file: 'a.yaml', line: 10, column: 1, rule: 'z-rule' }),
    ];

    const report = buildReport(given, { files: 2, objects: 5, skipped: 1 }, TOOL);

    expect(report.version).toBe(1);
    expect(report.tool).toEqual(TOOL);
    expect(report.summary).toEqual({ files: 2, objects: 5, errors: 5, warnings: 1, skipped: 1 });
    expect(report.problems.map(p => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.field}`)).toEqual([
      'a.yaml:9:30 z-rule spec.ports[0].nodePort',
      'a.yaml:10:1 z-rule spec.ports[0].nodePort',
      'a.yaml:10:3 b-rule spec.x',
      'a.yaml:10:3 b-rule spec.y',
      'a.yaml:10:3 z-rule spec.ports[0].nodePort',
      'b.yaml:1:1 a-rule spec.ports[0].nodePort',
    ]);
    expect(given[0]?.file).toBe('b.yaml'); // the input is left as it was
  });

  test('describes a problem in one line, as formatProblem does, and survives a value that refers to itself', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeProblem(problem({ file: 'a', line: 1, column: 1, rule: 'r', value: 30080 }))).toBe(
      'spec.ports[0].nodePort: provided port is already allocated (got 30080). Fix: Give Service "shop/web" a different nodePort.',
    );
    expect(describeProblem(problem({ file: 'a', line: 1, column: 1, rule: 'r', value: cyclic }))).toContain(
      '(got [object Object])',
    );
  });
});
