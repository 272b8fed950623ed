import type { CheckReport } from './report';

/** The JSON report (`--format json`): the {@link CheckReport} as indented JSON, with a final newline. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
