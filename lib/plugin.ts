import { readSourceFile } from './cli/read-inputs';
import { problemText, type ReportProblem, YAML_SYNTAX_RULE } from './cli/report';
import type { ChecksOptions } from './engine';
import { parseChecksOptions } from './engine';
import { formatObjectName, uniqueNames } from './object-names';
import type { PodSecurityLevel, PodSecurityVersion } from './pod-security';
import { POD_SECURITY_POLICY_VERSION } from './pod-security';
import type { PortRange } from './rules';
import { DEFAULT_NODE_PORT_RANGE } from './rules';

/**
 * The plugin's `properties:` in `cdk8s.yaml`: the same options as the constructs' `ChecksOptions`
 * and `pooh-pod-synth`'s flags.
 */
export interface PoohPodValidationProps {
  /**
   * The Pod Security Standard every Pod and pod template must meet.
   * @default 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * The Pod Security policy version, as a namespace's `pod-security.kubernetes.io/enforce-version`
   * label gives it: `'latest'` or `'v1.N'`.
   * @default - v1.28 and 'latest' both
   */
  readonly podSecurityVersion?: PodSecurityVersion;
  /**
   * The cluster's `--service-node-port-range`: `'MIN-MAX'` or `{ min, max }`.
   * @default '30000-32767'
   */
  readonly nodePortRange?: string | PortRange;
  /**
   * Rule ids of warnings to silence.
   * @default - none
   */
  readonly suppress?: readonly string[];
  /**
   * Env var names that look like credentials but may hold a literal value.
   * @default - none
   */
  readonly allowLiteralEnv?: readonly string[];
  /**
   * The cluster's nodes for the scheduling pre-flight: the path of what `kubectl get nodes -o yaml`
   * prints, relative to the folder `cdk8s synth` runs in.
   * @default - no scheduling pre-flight
   */
  readonly nodes?: string;
}

/** One object with a problem, as cdk8s-cli's report takes it (`ValidationViolatingResource`). */
export interface PluginViolatingResource {
  /** `metadata.name`: cdk8s looks the construct path up by it. */
  readonly resourceName: string;
  /** Field paths of the problem in the object. */
  readonly locations: readonly string[];
  /** The manifest file the object is in. */
  readonly manifestPath: string;
}

/** One problem, as cdk8s-cli's report takes it (`ValidationViolation`). */
export interface PluginViolation {
  /** The rule id. */
  readonly ruleName: string;
  /** Severity, message and the value received. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The object with the problem. */
  readonly violatingResources: readonly PluginViolatingResource[];
}

/** The part of cdk8s-cli's `ValidationReport` the plugin writes to. */
export interface PluginValidationReport {
  /** Adds one problem. */
  addViolation(violation: PluginViolation): void;
  /** Closes the report: `failure` fails `cdk8s synth` with exit code 2. */
  submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
}

/**
 * The part of cdk8s-cli's `ValidationContext` (`import type { ValidationContext } from
 * 'cdk8s-cli/plugins'`) the plugin reads. Declared here, so the package's types do not need
 * cdk8s-cli installed; test/plugin.test.ts checks that cdk8s-cli's own types fit.
 */
export interface PluginValidationContext {
  /** Paths of the synthesized manifest files. */
  readonly manifests: readonly string[];
  /** Where the problems go. */
  readonly report: PluginValidationReport;
}

/**
 * The checks as a cdk8s validation plugin, for cdk8s apps in any language: `cdk8s synth` loads it
 * from `cdk8s.yaml` (`validations:`, `class: PoohPodValidation`), hands it the synthesized
 * manifests, and fails with exit code 2 when it reports an error. Every problem is one violation:
 * the rule id, the message with the value received, the fix, the field path as its location, the
 * file and the object; cdk8s adds the construct path when it recorded one for the object's name.
 * Warnings are reported without failing.
 */
export class PoohPodValidation {
  /** The options the checks run with. */
  public readonly options: ChecksOptions;

  /**
   * @param props the `properties:` from `cdk8s.yaml`
   * @throws Error on an unknown property or a malformed value, naming it
   */
  public constructor(props: PoohPodValidationProps = {}) {
    this.options = parseChecksOptions(props, 'pooh-pod-constructs validation plugin properties');
  }

  /**
   * Runs the checks over `context.manifests`, read as `pooh-pod-check` reads files (YAML 1.1 as
   * kubectl reads it, `kind: List` items as objects of their own), and submits the report.
   */
  public async validate(context: PluginValidationContext): Promise<void> {
    const { report } = context;
    // Loaded on first use: an app that imports the constructs does not pay for the YAML parser.
    const { checkFiles } = require('./cli/check-files') as typeof import('./cli/check-files');
    const checked = checkFiles(
      context.manifests.map(file => readSourceFile(file, file)),
      this.options,
    );
    const unique = uniqueNames(checked.manifests);
    let errors = 0;
    for (const problem of checked.problems) {
      if (problem.severity === 'error') errors++;
      report.addViolation(toViolation(problem, unique));
    }
    const range = this.options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
    report.submit(errors > 0 ? 'failure' : 'success', {
      Errors: String(errors),
      Warnings: String(checked.problems.length - errors),
      'Pod Security': this.options.podSecurity ?? 'restricted',
      'Pod Security Version': this.options.podSecurityVersion ?? `${POD_SECURITY_POLICY_VERSION} and latest`,
      'Node Port Range': `${range.min}-${range.max}`,
      ...(this.options.nodes === undefined ? {} : { Nodes: this.options.nodes.map(n => n.name).join(', ') }),
    });
  }
}

/**
 * The name cdk8s looks the construct path up by: `metadata.name` when no other object has it;
 * otherwise `Kind/name`, which cdk8s finds no construct for (better none than the wrong one).
 */
function resourceName(problem: ReportProblem, unique: ReadonlySet<string>): string {
  const name = problem.name ?? '';
  return unique.has(name) ? name : formatObjectName({ kind: problem.kind ?? '', name });
}

function toViolation(problem: ReportProblem, unique: ReadonlySet<string>): PluginViolation {
  if (problem.rule === YAML_SYNTAX_RULE) {
    // No object and no field: the position goes into the recommendation, the file is the resource's.
    return {
      ruleName: problem.rule,
      recommendation: `error: the file is not valid YAML: ${problem.message} (line ${problem.line}, column ${problem.column})`,
      fix: problem.fix,
      violatingResources: [{ resourceName: '', locations: [], manifestPath: problem.file }],
    };
  }
  return {
    ruleName: problem.rule,
    recommendation: `${problem.severity}: ${problemText({ ...problem, field: '' })}`,
    fix: problem.fix,
    violatingResources: [
      { resourceName: resourceName(problem, unique), locations: [problem.field], manifestPath: problem.file },
    ],
  };
}
