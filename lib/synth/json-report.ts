import { buildReport, type CheckReport, type ToolInfo } from '../cli/report';
import type { ChecksOptions } from '../engine/options';
import type { PodSecurityLevel, PodSecurityVersion } from '../pod-security';
import { DEFAULT_NODE_PORT_RANGE, type PortRange } from '../rules/options';
import type { AtomicSynthResult, SynthProblem, SynthStatus } from './atomic-synth';

/** The options the checks ran with, defaults written out. */
export interface SynthReportOptions {
  /** The Pod Security Standard. */
  readonly podSecurity: PodSecurityLevel;
  /** Only when given; without it, Pod Security is checked at v1.28 and at 'latest' both. */
  readonly podSecurityVersion?: PodSecurityVersion;
  /** The node port range. */
  readonly nodePortRange: PortRange;
  /** Rule ids of the warnings silenced. */
  readonly suppress: readonly string[];
  /** Env var names allowed a literal value. */
  readonly allowLiteralEnv: readonly string[];
  /** The names of the inventory's nodes, when one was given (the scheduling pre-flight ran). */
  readonly nodes?: readonly string[];
}

/**
 * `pooh-pod-synth --report FILE`: `pooh-pod-check`'s JSON report (`CheckReport`, the same
 * `version`, with `tool.name` `pooh-pod-synth` and each problem's `constructPath` where cdk8s
 * recorded one) plus what only a synth knows: how it ended, the output folder and the options.
 */
export interface SynthReport extends CheckReport<SynthProblem> {
  /** How the synth ended; only `synthesized` replaced the output folder. */
  readonly status: SynthStatus;
  /** Why the app failed or wrote nothing; absent otherwise. */
  readonly message?: string;
  /** The output folder, as given. */
  readonly output: string;
  /** The options the checks ran with. */
  readonly options: SynthReportOptions;
}

function reportOptions(checks: ChecksOptions): SynthReportOptions {
  return {
    podSecurity: checks.podSecurity ?? 'restricted',
    ...(checks.podSecurityVersion === undefined ? {} : { podSecurityVersion: checks.podSecurityVersion }),
    nodePortRange: checks.nodePortRange ?? DEFAULT_NODE_PORT_RANGE,
    suppress: checks.suppress ?? [],
    allowLiteralEnv: checks.allowLiteralEnv ?? [],
    ...(checks.nodes === undefined ? {} : { nodes: checks.nodes.map(node => node.name) }),
  };
}

/** The JSON report of a synth: `buildReport` over its problems, then the synth's own members. */
export function synthReport(
  result: AtomicSynthResult,
  options: { readonly tool: ToolInfo; readonly output: string; readonly checks: ChecksOptions },
): SynthReport {
  const report = buildReport(
    result.problems,
    { files: result.files.length, objects: result.objects, skipped: result.skipped },
    options.tool,
    result.placement,
  );
  return {
    ...report,
    status: result.status,
    ...(result.message === undefined ? {} : { message: result.message }),
    output: options.output,
    options: reportOptions(options.checks),
  };
}
