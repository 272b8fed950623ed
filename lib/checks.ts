import { ApiObject, App } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { ChecksOptions, ManifestEntry } from './engine';
import { checkEntries } from './engine';
import type { Finding } from './rules';
import { formatProblem } from './rules';
import { podBearingKindOf } from './rules/pod-template';

export type { ChecksOptions } from './engine';

/**
 * The checks of one construct tree: which objects they report on, with which options.
 *
 * Once per validation pass, the engine runs over every Pod, workload and Service of the tree,
 * whichever construct made them (so the whole-app rules see the whole app), and reports on the
 * objects that opted in. cdk8s validates the whole app once, then again for every chart it
 * serializes; within one `synth()` nothing can change
 * between those passes, so the first does the work and the others reuse it. Each object's
 * manifest is rendered once per pass: its `toJson()` hands the rendered manifest to the synth.
 */
class Checks {
  public static of(scope: IConstruct): Checks {
    const root = scope.node.root;
    let checks = Checks.byRoot.get(root);
    if (!checks) {
      checks = new Checks(root);
      Checks.byRoot.set(root, checks);
    }
    return checks;
  }

  private static readonly byRoot = new WeakMap<IConstruct, Checks>();

  public readonly options = new WeakMap<IConstruct, ChecksOptions>();
  /** Objects reported on by their owner's validation. */
  private readonly objects = new Set<ApiObject>();
  /** Scopes of `checkAll()`: every object under them is reported on by the scope's validation. */
  private readonly scopes = new Set<IConstruct>();
  /** Manifests rendered by the current pass, handed back by `toJson()`. */
  private readonly rendered = new Map<ApiObject, unknown>();
  /** Problems found by the current pass, per reported object. */
  private readonly found = new Map<ApiObject, Finding[]>();
  /** Set while an `App.synth()`/`synthYaml()` runs: its passes share one engine run. */
  private session?: { ran: boolean };

  private constructor(private readonly root: IConstruct) {
    // cdk8s validates from the App down, in tree order, whatever is synthesized (`app.synth()`,
    // `chart.toJson()`, `Testing.synth(chart)`): the root's validation runs first and starts the pass.
    root.node.addValidation({
      validate: () => {
        this.run();
        return [];
      },
    });
    if (root instanceof App) this.scopeToSynth(root);
  }

  /** Checks `object` at every synth; problems are reported on `owner`. */
  public track(owner: IConstruct, object: ApiObject): void {
    this.objects.add(object);
    this.reuseRenderedManifest(object);
    owner.node.addValidation({ validate: () => this.problemsOf(object).map(formatProblem) });
  }

  /** Checks every Pod, workload and Service under `scope` (found at synth), reported on `scope`. */
  public trackAll(scope: IConstruct): void {
    this.scopes.add(scope);
    scope.node.addValidation({
      validate: () =>
        objectsUnder(scope)
          .filter(o => !this.objects.has(o))
          .flatMap(o => this.problemsOf(o).map(p => `${o.node.path}: ${formatProblem(p)}`)),
    });
  }

  /** The options that apply to a construct: the nearest setting of each, root last. */
  public optionsFor(construct: IConstruct): ChecksOptions {
    return this.mergedOptions(construct, new Map());
  }

  /**
   * `optionsFor`, with the merged options of each scope kept in `memo` for one pass: a scope's
   * are its parent's with its own on top, so constructs that share a parent share one object.
   */
  private mergedOptions(construct: IConstruct, memo: Map<IConstruct, ChecksOptions>): ChecksOptions {
    const known = memo.get(construct);
    if (known !== undefined) return known;
    const parent = construct.node.scope;
    const inherited = parent === undefined ? {} : this.mergedOptions(parent, memo);
    const own = this.options.get(construct);
    const merged = own === undefined ? inherited : { ...inherited, ...own };
    memo.set(construct, merged);
    return merged;
  }

  /** Whether `object` is under (or is) a scope of `checkAll()`. */
  private underCheckAll(object: IConstruct): boolean {
    if (this.scopes.size === 0) return false;
    for (let c: IConstruct | undefined = object; c !== undefined; c = c.node.scope) {
      if (this.scopes.has(c)) return true;
    }
    return false;
  }

  /** Marks the start and end of each `synth()`/`synthYaml()` of the app, to share work between passes. */
  private scopeToSynth(app: App): void {
    for (const method of ['synth', 'synthYaml'] as const) {
      const original: () => unknown = app[method].bind(app);
      Object.defineProperty(app, method, {
        configurable: true,
        writable: true,
        value: () => {
          if (this.session) return original(); // nested call: the outer synth owns the session
          this.session = { ran: false };
          try {
            return original();
          } finally {
            this.session = undefined;
            this.rendered.clear();
          }
        },
      });
    }
  }

  /** Runs the engine over the tree, unless this synth already did. */
  private run(): void {
    if (this.session?.ran) return;
    this.rendered.clear();
    this.found.clear();
    const objects: ApiObject[] = [];
    const entries: ManifestEntry[] = [];
    const options = new Map<IConstruct, ChecksOptions>();
    for (const object of objectsUnder(this.root)) {
      this.reuseRenderedManifest(object);
      const manifest = renderOrUndefined(object);
      // An object that cannot render (e.g. a Pod without containers) is explained by its construct's own validation.
      if (manifest === undefined) continue;
      this.rendered.set(object, manifest);
      const report = this.objects.has(object) || this.underCheckAll(object);
      objects.push(object);
      entries.push({ manifest, report, options: this.mergedOptions(object, options) });
    }
    for (const finding of checkEntries(entries, this.mergedOptions(this.root, options))) {
      const object = objects[finding.index];
      const list = this.found.get(object);
      if (list) list.push(finding);
      else this.found.set(object, [finding]);
    }
    for (const [object, findings] of this.found) {
      for (const warning of findings.filter(f => f.severity === 'warning')) {
        process.stderr.write(
          `warning: [${object.node.path}] ${formatProblem(warning)} (rule ${warning.rule})\n`,
        );
      }
    }
    if (this.session) this.session.ran = true;
  }

  /** The errors the current pass found for `object`. */
  private problemsOf(object: ApiObject): Finding[] {
    return (this.found.get(object) ?? []).filter(f => f.severity === 'error');
  }

  /**
   * cdk8s renders every object again after validation; hand it the manifest the checks
   * already rendered. Outside an app synth (e.g. `Testing.synth()`, one validation pass) the
   * manifest is handed back once; a later `toJson()` renders afresh.
   */
  private reuseRenderedManifest(object: ApiObject): void {
    if (Object.hasOwn(object, 'toJson')) return;
    const render = object.toJson.bind(object);
    object.toJson = () => {
      const rendered = this.rendered.get(object);
      if (!this.session) this.rendered.delete(object);
      return rendered ?? render();
    };
  }
}

/** The objects the checks read: Pods, workloads and Services (other kinds are never rendered for them). */
function objectsUnder(scope: IConstruct): ApiObject[] {
  return scope.node
    .findAll()
    .filter(
      (c): c is ApiObject =>
        c instanceof ApiObject &&
        ((c.apiVersion === 'v1' && c.kind === 'Service') ||
          podBearingKindOf(c.apiVersion, c.kind) !== undefined),
    );
}

function renderOrUndefined(object: ApiObject): unknown {
  try {
    return object.toJson();
  } catch {
    return undefined;
  }
}

/**
 * Sets the options of the synth-time checks for every object under `scope` (an App, a Chart
 * or any construct). The nearest setting wins, option by option.
 */
export function configureChecks(scope: IConstruct, options: ChecksOptions): void {
  const checks = Checks.of(scope);
  // An option left undefined must not hide the one an enclosing scope set.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  checks.options.set(scope, { ...checks.options.get(scope), ...given });
}

/**
 * Applies the package's checks (API-server rules, Pod Security, literal credentials) at synth
 * to every Pod, workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) and
 * Service under `scope`, whichever construct made them: plain cdk8s-plus and L1 objects included.
 *
 * `options` are set on `scope` exactly as `configureChecks(scope, options)` does, so they apply to
 * everything under it, this package's own constructs included; a construct's own prop (such as
 * `MultiContainerPod`'s `podSecurity`) still wins.
 */
export function checkAll(scope: IConstruct, options: ChecksOptions = {}): void {
  configureChecks(scope, options);
  Checks.of(scope).trackAll(scope);
}

/** Checks `object` at every synth, reporting problems on `owner`. Used by this package's constructs. */
export function trackForChecks(owner: IConstruct, object: ApiObject): void {
  Checks.of(owner).track(owner, object);
}
