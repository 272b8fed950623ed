import type { ChecksOptions } from './engine';
import { checkManifests, parseChecksOptions } from './engine';
import { readManifestFiles, unreadableProblem } from './manifest-files';
import { formatObjectName, objectName, uniqueNames } from './object-names';
import type { PodSecurityLevel, PodSecurityVersion } from './pod-security';
import { POD_SECURITY_POLICY_VERSION } from './pod-security';
import type { Finding, PortRange } from './rules';
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

  /** Runs the checks over `context.manifests` and submits the report. */
  public async validate(context: PluginValidationContext): Promise<void> {
    const { report } = context;
    const { documents, unreadable } = readManifestFiles(context.manifests);
    for (const bad of unreadable) {
      const problem = unreadableProblem(bad);
      report.addViolation({
        ruleName: problem.rule,
        recommendation: `${problem.severity}: ${problem.message}`,
        fix: problem.fix,
        violatingResources: [{ resourceName: '', locations: [], manifestPath: bad.file }],
      });
    }

    const manifests = documents.map(d => d.manifest);
    const findings = checkManifests(manifests, this.options);
    const unique = uniqueNames(manifests);
    for (const finding of findings) {
      const { file, manifest } = documents[finding.index];
      report.addViolation(toViolation(finding, file, resourceName(manifest, unique)));
    }

    const errors = findings.filter(f => f.severity === 'error').length;
    const range = this.options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
    report.submit(errors + unreadable.length > 0 ? 'failure' : 'success', {
      Errors: String(errors + unreadable.length),
      Warnings: String(findings.length - errors),
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
function resourceName(manifest: unknown, unique: ReadonlySet<string>): string {
  const name = objectName(manifest);
  return unique.has(name.name) ? name.name : formatObjectName(name);
}

function toViolation(finding: Finding, file: string, resource: string): PluginViolation {
  const got = finding.value === undefined ? '' : ` (got ${JSON.stringify(finding.value)})`;
  return {
    ruleName: finding.rule,
    recommendation: `${finding.severity}: ${finding.message}${got}`,
    fix: finding.fix,
    violatingResources: [{ resourceName: resource, locations: [finding.field], manifestPath: file }],
  };
}
