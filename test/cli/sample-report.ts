import type { CheckReport, ReportProblem } from '../../lib/cli/report';

/** A problem with the fields most tests do not care about filled in. */
export function problem(
  fields: Partial<ReportProblem> & Pick<ReportProblem, 'file' | 'line' | 'column' | 'rule'>,
): ReportProblem {
  return {
    severity: 'error',
    apiVersion: 'v1',
    kind: 'Service',
    namespace: 'shop',
    name: 'web',
    field: 'spec.ports[0].nodePort',
    message: 'provided port is already allocated',
    fix: 'Give Service "shop/web" a different nodePort.',
    ...fields,
  };
}

/** A report written out by hand: two files, three objects, a warning and a YAML syntax error. */
export const SAMPLE_REPORT: CheckReport = {
  version: 1,
  tool: { name: 'pooh-pod-check', version: '9.9.9', informationUri: 'https://example.com/pooh' },
  summary: { files: 2, objects: 3, errors: 3, warnings: 1, skipped: 2 },
  problems: [
    problem({ file: 'dist/a b.yaml', line: 12, column: 7, rule: 'service-node-port-conflict', value: 30080 }),
    problem({
      file: 'dist/a b.yaml',
      line: 30,
      column: 9,
      rule: 'node-selector-label-deprecated',
      severity: 'warning',
      kind: 'Pod',
      namespace: null,
      name: 'db',
      field: 'spec.nodeSelector[beta.kubernetes.io/os]',
      value: 'linux',
      message: 'deprecated since v1.14; use "kubernetes.io/os" instead',
      fix: 'Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
    }),
    problem({
      file: 'dist/a b.yaml',
      line: 31,
      column: 5,
      rule: 'pod-security/runAsNonRoot',
      kind: 'Pod',
      namespace: null,
      name: 'db',
      field: 'spec.securityContext.runAsNonRoot',
      message: 'violates PodSecurity "restricted:v1.28": runAsNonRoot != true',
      fix: 'Set spec.securityContext.runAsNonRoot to true.',
    }),
    problem({
      file: 'dist/list.yaml',
      line: 4,
      column: 1,
      rule: 'yaml-syntax-error',
      apiVersion: null,
      kind: null,
      namespace: null,
      name: null,
      field: '',
      message: 'Map keys must be unique',
      fix: 'Correct the YAML at this position: kubectl cannot read this document either',
    }),
  ],
};
