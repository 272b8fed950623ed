import { formatText, summaryLine } from '../../lib/cli/format-text';
import { SAMPLE_REPORT } from './sample-report';

describe('formatText', () => {
  test('groups problems per file, then per object, each with its fix below, and ends with a summary', () => {
    expect(formatText(SAMPLE_REPORT, { color: false })).toBe(
      [
        'dist/a b.yaml',
        '  Service shop/web',
        '    dist/a b.yaml:12:7  error    service-node-port-conflict  spec.ports[0].nodePort: provided port is already allocated (got 30080)',
        '      fix: Give Service "shop/web" a different nodePort.',
        '  Pod db',
        '    dist/a b.yaml:30:9  warning  node-selector-label-deprecated  spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead (got "linux")',
        '      fix: Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
        '    dist/a b.yaml:31:5  error    pod-security/runAsNonRoot  spec.securityContext.runAsNonRoot: violates PodSecurity "restricted:v1.28": runAsNonRoot != true',
        '      fix: Set spec.securityContext.runAsNonRoot to true.',
        '',
        'dist/list.yaml',
        '  (YAML that does not parse)',
        '    dist/list.yaml:4:1  error    yaml-syntax-error  Map keys must be unique',
        '      fix: Correct the YAML at this position: kubectl cannot read this document either',
        '',
        '3 errors and 1 warning in 3 objects (2 files, 2 documents skipped)',
        '',
      ].join('\n'),
    );
  });

  test('colours severities, files, rules and fixes with ANSI escapes when asked', () => {
    const lines = formatText(SAMPLE_REPORT, { color: true }).split('\n');

    expect(lines[0]).toBe('\u001b[1mdist/a b.yaml\u001b[22m');
    expect(lines[2]).toBe(
      '    dist/a b.yaml:12:7  \u001b[31merror  \u001b[39m  \u001b[2mservice-node-port-conflict\u001b[22m  spec.ports[0].nodePort: provided port is already allocated (got 30080)',
    );
    expect(lines[3]).toBe('      \u001b[2mfix: Give Service "shop/web" a different nodePort.\u001b[22m');
    expect(lines[5]).toContain('\u001b[33mwarning\u001b[39m');
    expect(lines.at(-2)).toBe(
      '\u001b[31m3 errors and 1 warning in 3 objects (2 files, 2 documents skipped)\u001b[39m',
    );
  });

  test('prints the placement between the problems and the summary, the title bold and Pending Pods yellow', () => {
    const placed = {
      ...SAMPLE_REPORT,
      summary: { files: 1, objects: 1, errors: 0, warnings: 0, skipped: 0 },
      problems: [],
      placement: {
        pods: [
          {
            index: 0,
            kind: 'Pod' as const,
            namespace: 'default',
            name: 'big',
            replica: 0,
            pod: 'big',
            node: null,
            requests: { cpu: '4' },
            reason: '0/1 nodes are available: 1 Insufficient cpu.',
          },
        ],
        nodes: [
          {
            node: 'n1',
            allocatable: { cpu: '2', pods: '110' },
            requested: { pods: '0' },
            free: {},
            pods: [],
          },
        ],
      },
    };

    expect(formatText(placed, { color: true }).split('\n')).toEqual([
      '\u001b[1mPlacement on 1 node: 0 Pods placed, 1 Pending\u001b[22m',
      '  NODE     POD          KIND  CPU  MEMORY',
      '\u001b[33m  Pending  default/big  Pod   4    -\u001b[39m',
      '\u001b[33m           0/1 nodes are available: 1 Insufficient cpu.\u001b[39m',
      '',
      '  NODE  PODS      CPU     MEMORY',
      '  n1    0 of 110  0 of 2  0 of -',
      '',
      '\u001b[32mNo problems in 1 object (1 file)\u001b[39m',
      '',
    ]);
  });

  test('without problems prints the summary line alone', () => {
    const clean = {
      ...SAMPLE_REPORT,
      summary: { files: 1, objects: 1, errors: 0, warnings: 0, skipped: 0 },
      problems: [],
    };
    expect(formatText(clean, { color: false })).toBe('No problems in 1 object (1 file)\n');
    expect(formatText(clean, { color: true })).toBe('\u001b[32mNo problems in 1 object (1 file)\u001b[39m\n');
  });

  test.each([
    [
      { files: 1, objects: 0, errors: 0, warnings: 0, skipped: 1 },
      'No problems in 0 objects (1 file, 1 document skipped)',
    ],
    [
      { files: 3, objects: 2, errors: 1, warnings: 0, skipped: 0 },
      '1 error and 0 warnings in 2 objects (3 files)',
    ],
    [
      { files: 1, objects: 1, errors: 0, warnings: 2, skipped: 0 },
      '0 errors and 2 warnings in 1 object (1 file)',
    ],
  ])('summary %j', (summary, expected) => {
    expect(summaryLine(summary)).toBe(expected);
  });
});
