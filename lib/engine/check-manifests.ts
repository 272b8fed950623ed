import type { PodSecurityVersion } from '../pod-security';
import { formatViolation, POD_SECURITY_POLICY_VERSION } from '../pod-security';
import { findLiteralCredentialsIn } from '../pod-security/credentials';
import { evaluatePodViewAcross } from '../pod-security/evaluate';
import type { PodView } from '../pod-security/manifest';
import { podViewOf } from '../pod-security/manifest';
import type { Finding, ValidationError } from '../rules';
import { appProblemsByIndex } from '../rules/app';
import { defaultManifest } from '../rules/defaults';
import { validateDefaultedManifest } from '../rules/manifest';
import { applySuppression } from '../rules/options';
import { podBearingKind } from '../rules/pod-template';
import type { NodeInfo, Placement } from '../scheduling';
import { planFindings } from '../scheduling/check';
import { toInventory } from '../scheduling/nodes-input';
import { placementOf } from '../scheduling/placement';
import { plan } from '../scheduling/plan';
import type { ChecksOptions } from './options';

/** One manifest to check, with the options that apply to it. */
export interface ManifestEntry {
  /** The parsed manifest (plain JSON), of any kind; kinds the checks do not know are read as context or skipped. */
  readonly manifest: unknown;
  /**
   * The options for this object's own problems (e.g. its construct's nearest `configureChecks()`).
   * @default - the options of the run
   */
  readonly options?: ChecksOptions;
  /**
   * Whether this object's problems are wanted. Objects with `report: false` are only context for
   * the whole-app rules (a Service's target is checked against them), never reported on.
   * @default true
   */
  readonly report?: boolean;
}

/** Without a version: the oldest policy a supported (1.28+) cluster enforces, and the newest. */
const DEFAULT_VERSIONS: readonly PodSecurityVersion[] = [POD_SECURITY_POLICY_VERSION, 'latest'];

/** Pod Security violations as findings of the manifest at `index`, worded as the admission controller words them. */
function addPodSecurityProblems(
  pod: PodView,
  index: number,
  options: ChecksOptions,
  findings: Finding[],
): void {
  const level = options.podSecurity ?? 'restricted';
  const versions = options.podSecurityVersion === undefined ? DEFAULT_VERSIONS : [options.podSecurityVersion];
  for (const violation of evaluatePodViewAcross(pod, level, versions)) {
    findings.push({
      rule: `pod-security/${violation.check}`,
      severity: 'error',
      field: violation.field,
      value: undefined,
      message: `violates PodSecurity "${level}:${violation.version}": ${formatViolation(violation)}`,
      fix: violation.fix,
      index,
    });
  }
}

/** Adds problems of the manifest at `index` as findings. */
function addProblems(problems: readonly ValidationError[], index: number, findings: Finding[]): void {
  for (const problem of problems) findings.push({ ...problem, index });
}

/**
 * The engine: every check over a list of manifests, in one pass, each on the manifest after the
 * API server's v1 defaults (`defaultManifest`). Per object: the API-server rules
 * (`validateManifest`), literal credentials and Pod Security; across all objects: the whole-app
 * rules (node ports claimed twice, Service targets no selected Pod or template exposes) and, given
 * a node inventory (`options.nodes`), the scheduling pre-flight. Each
 * problem carries the position of the manifest it belongs to; warnings listed in an object's
 * `suppress` are dropped. The constructs, the CLI and the cdk8s plugin all call this, so they
 * cannot disagree.
 */
export function checkEntries(entries: readonly ManifestEntry[], options: ChecksOptions = {}): Finding[] {
  return runEngine(entries, options, undefined).findings;
}

/** What the engine found, and where the Pods land on the inventory asked for. */
interface EngineResult {
  readonly findings: Finding[];
  readonly placement?: Placement;
}

/** `checkEntries`; with `placeOn` (one of the inventories of the run), also the placement on it. */
function runEngine(
  entries: readonly ManifestEntry[],
  options: ChecksOptions,
  placeOn: readonly NodeInfo[] | undefined,
): EngineResult {
  // Like the API server, every check sees the object after the v1 defaults (lib/rules/defaults.ts).
  const manifests = entries.map(entry => defaultManifest(entry.manifest));
  const appProblems = appProblemsByIndex(manifests, options);
  const scheduled = schedulingProblems(entries, manifests, options, placeOn);
  const findings: Finding[] = [];
  // In this order per object: its own rules, credentials, whole-app rules, Pod Security, placement.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (entry.report === false) continue;
    const own = entry.options ?? options;
    const manifest = manifests[index];
    // Credentials and Pod Security read a Pod or pod template through one view.
    const pod = podBearingKind(manifest) === undefined ? undefined : podViewOf(manifest);
    addProblems(validateDefaultedManifest(manifest, own), index, findings);
    if (pod !== undefined)
      addProblems(findLiteralCredentialsIn(pod, { allow: own.allowLiteralEnv }), index, findings);
    const app = appProblems.get(index);
    if (app !== undefined) addProblems(applySuppression(app, own), index, findings);
    if (pod !== undefined) addPodSecurityProblems(pod, index, own, findings);
    const unplaced = scheduled.problems.get(index);
    if (unplaced !== undefined) addProblems(applySuppression(unplaced, own), index, findings);
  }
  return { findings, placement: scheduled.placement };
}

/**
 * The scheduling pre-flight, once per node inventory: the objects that share an inventory (set
 * for the whole run, or per chart) are placed onto it together. Problems by entry position; with
 * `placeOn`, also the placement on that inventory, from the same plan (positions are entries').
 */
function schedulingProblems(
  entries: readonly ManifestEntry[],
  manifests: readonly unknown[],
  options: ChecksOptions,
  placeOn: readonly NodeInfo[] | undefined,
): { readonly problems: Map<number, ValidationError[]>; readonly placement?: Placement } {
  const byInventory = new Map<readonly NodeInfo[], number[]>();
  entries.forEach((entry, index) => {
    const nodes = (entry.options ?? options).nodes;
    if (nodes === undefined || podBearingKind(manifests[index]) === undefined) return;
    const group = byInventory.get(nodes);
    if (group === undefined) byInventory.set(nodes, [index]);
    else group.push(index);
  });
  const problems = new Map<number, ValidationError[]>();
  let placement: Placement | undefined;
  for (const [nodes, indices] of byInventory) {
    const inventory = toInventory(nodes);
    const result = plan(
      indices.map(i => manifests[i]),
      inventory,
    );
    for (const { index, ...problem } of planFindings(result, inventory)) {
      const entryIndex = indices[index];
      const list = problems.get(entryIndex);
      if (list === undefined) problems.set(entryIndex, [problem]);
      else list.push(problem);
    }
    if (nodes === placeOn) {
      const placed = placementOf(result);
      placement = { ...placed, pods: placed.pods.map(pod => ({ ...pod, index: indices[pod.index] })) };
    }
  }
  // An inventory no object is placed on still has its nodes to show.
  if (placeOn !== undefined && placement === undefined)
    placement = placementOf(plan([], toInventory(placeOn)));
  return { problems, placement };
}

/**
 * `checkManifests`, and where the Pods land on `options.nodes` (when given): the placement comes from
 * the same pre-flight plan as the scheduling problems, so a front-end that prints both computes it
 * once and they cannot disagree. Placement positions are the manifests'.
 */
export function checkAndPlaceManifests(
  manifests: readonly unknown[],
  options: ChecksOptions = {},
): EngineResult {
  return runEngine(
    manifests.map(manifest => ({ manifest })),
    options,
    options.nodes,
  );
}

/** `checkEntries` over plain manifests, all checked with the same options. */
export function checkManifests(manifests: readonly unknown[], options: ChecksOptions = {}): Finding[] {
  return checkEntries(
    manifests.map(manifest => ({ manifest })),
    options,
  );
}
