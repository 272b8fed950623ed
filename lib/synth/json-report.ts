import type { ChecksOptions } from '../engine';
import type { PodSecurityLevel, PodSecurityVersion } from '../pod-security';
import type { PortRange } from '../rules';
import { DEFAULT_NODE_PORT_RANGE } from '../rules';
import type { AtomicSynthResult, SynthStatus } from './atomic-synth';

/** One problem in the JSON report: where (file, object, construct, field), what and how to fix it. */
export interface JsonReportProblem {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly constructPath?: string;
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly value?: unknown;
  readonly message: string;
  readonly fix: string;
}

/** The options the checks ran with, defaults written out. */
export interface JsonReportOptions {
  readonly podSecurity: PodSecurityLevel;
  /** Only when given; without it, Pod Security is checked at v1.28 and at 'latest' both. */
  readonly podSecurityVersion?: PodSecurityVersion;
  readonly nodePortRange: PortRange;
  readonly suppress: readonly string[];
  readonly allowLiteralEnv: readonly string[];
  /** The names of the inventory's nodes, when one was given (the scheduling pre-flight ran). */
  readonly nodes?: readonly string[];
}

/** `pooh-pod-synth --report FILE`: the outcome of one synth, for CI. */
export interface JsonReport {
  readonly tool: 'pooh-pod-synth';
  readonly version: string;
  readonly status: SynthStatus;
  /** Why the app failed or wrote nothing. */
  readonly message?: string;
  /** The output folder, as given. */
  readonly output: string;
  /** The options the checks ran with. */
  readonly options: JsonReportOptions;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly objects: number };
  readonly problems: readonly JsonReportProblem[];
}

/**
 * The JSON report of a synth. A minimal format of its own until the CLI's report builder is
 * shared; every problem carries the fields of `ValidationError` plus where it was found.
 */
export function jsonReport(
  result: AtomicSynthResult,
  options: { readonly version: string; readonly output: string; readonly checks: ChecksOptions },
): JsonReport {
  const errors = result.problems.filter(p => p.severity === 'error').length;
  return {
    tool: 'pooh-pod-synth',
    version: options.version,
    status: result.status,
    ...(result.message === undefined ? {} : { message: result.message }),
    output: options.output,
    options: {
      podSecurity: options.checks.podSecurity ?? 'restricted',
      ...(options.checks.podSecurityVersion === undefined
        ? {}
        : { podSecurityVersion: options.checks.podSecurityVersion }),
      nodePortRange: options.checks.nodePortRange ?? DEFAULT_NODE_PORT_RANGE,
      suppress: options.checks.suppress ?? [],
      allowLiteralEnv: options.checks.allowLiteralEnv ?? [],
      ...(options.checks.nodes === undefined ? {} : { nodes: options.checks.nodes.map(node => node.name) }),
    },
    summary: { errors, warnings: result.problems.length - errors, objects: result.objects },
    problems: result.problems.map(p => ({
      file: p.file,
      kind: p.object.kind,
      name: p.object.name,
      ...(p.object.namespace === undefined ? {} : { namespace: p.object.namespace }),
      ...(p.constructPath === undefined ? {} : { constructPath: p.constructPath }),
      rule: p.rule,
      severity: p.severity,
      field: p.field,
      ...(p.value === undefined ? {} : { value: p.value }),
      message: p.message,
      fix: p.fix,
    })),
  };
}
