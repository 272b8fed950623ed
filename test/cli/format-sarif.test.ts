import '@microsoft/jest-sarif';
import { buildSarifLog, formatSarif } from '../../lib/cli/format-sarif';
import { problem, SAMPLE_REPORT } from './sample-report';

describe('buildSarifLog', () => {
  const log = buildSarifLog(SAMPLE_REPORT, { cwd: '/repo' });
  const run = log.runs[0] as any;

  test('is a valid SARIF 2.1.0 log', () => {
    expect(log).toBeValidSarifLog();
    expect(JSON.parse(formatSarif(SAMPLE_REPORT, { cwd: '/repo' }))).toBeValidSarifLog();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  });

  test('names the tool and every rule that fired, sorted, with a description, help and level', () => {
    expect(run.tool.driver).toEqual({
      name: 'pooh-pod-check',
      version: '9.9.9',
      semanticVersion: '9.9.9',
      informationUri: 'https://example.com/pooh',
      rules: [
        {
          id: 'node-selector-label-deprecated',
          shortDescription: { text: 'Node selector label deprecated' },
          help: {
            text: 'Node selector label deprecated. Each result says how to fix it; for example: Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
          },
          defaultConfiguration: { level: 'warning' },
        },
        {
          id: 'pod-security/runAsNonRoot',
          shortDescription: { text: 'Pod Security Standards: runAsNonRoot' },
          help: {
            text: 'Pod Security Standards: runAsNonRoot. Each result says how to fix it; for example: Set spec.securityContext.runAsNonRoot to true.',
          },
          defaultConfiguration: { level: 'error' },
        },
        {
          id: 'service-node-port-conflict',
          shortDescription: { text: 'Service node port conflict' },
          help: {
            text: 'Service node port conflict. Each result says how to fix it; for example: Give Service "shop/web" a different nodePort.',
          },
          defaultConfiguration: { level: 'error' },
        },
        {
          id: 'yaml-syntax-error',
          shortDescription: { text: 'YAML syntax error' },
          help: {
            text: 'YAML syntax error. Each result says how to fix it; for example: Correct the YAML at this position: kubectl cannot read this document either',
          },
          defaultConfiguration: { level: 'error' },
        },
      ],
    });
  });

  test('gives each problem a result with its rule, level, message and place, relative to %SRCROOT%', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.artifacts).toEqual([
      { location: { uri: 'dist/a%20b.yaml', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'dist/list.yaml', uriBaseId: '%SRCROOT%' } },
    ]);
    expect(run.results[0]).toEqual({
      ruleId: 'service-node-port-conflict',
      ruleIndex: 2,
      level: 'error',
      message: {
        text: 'Service shop/web: spec.ports[0].nodePort: provided port is already allocated (got 30080). Fix: Give Service "shop/web" a different nodePort.',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dist/a%20b.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 12, startColumn: 7 },
          },
        },
      ],
    });
    expect(run.results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.region])).toEqual([
      ['service-node-port-conflict', 'error', { startLine: 12, startColumn: 7 }],
      ['node-selector-label-deprecated', 'warning', { startLine: 30, startColumn: 9 }],
      ['pod-security/runAsNonRoot', 'error', { startLine: 31, startColumn: 5 }],
      ['yaml-syntax-error', 'error', { startLine: 4, startColumn: 1 }],
    ]);
    expect(run.results[3].message.text).toBe(
      'Map keys must be unique. Fix: Correct the YAML at this position: kubectl cannot read this document either',
    );
  });

  test('names a file outside the working directory by its file: URI, and standard input as stdin', () => {
    const report = {
      ...SAMPLE_REPORT,
      problems: [
        problem({ file: '../elsewhere/x.yaml', line: 1, column: 1, rule: 'service-port-invalid' }),
        problem({ file: '<stdin>', line: 2, column: 3, rule: 'service-port-invalid' }),
      ],
    };

    const sarif = buildSarifLog(report, { cwd: '/repo/sub' }) as any;

    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs[0].artifacts.map((a: any) => a.location)).toEqual([
      { uri: 'file:///repo/elsewhere/x.yaml' },
      { uri: 'stdin' },
    ]);
  });

  test('a run without problems is valid and lists no rules', () => {
    const clean = { ...SAMPLE_REPORT, problems: [] };
    const sarif = buildSarifLog(clean, { cwd: '/repo' }) as any;
    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
    expect(sarif.runs[0].results).toEqual([]);
  });

  test('fails validation of a log without a version, so the matcher does check', () => {
    expect({ ...log, version: undefined }).not.toBeValidSarifLog();
  });
});
