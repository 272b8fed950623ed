import { ApiObject, App } from 'cdk8s';
import type { IConstruct } from 'constructs';
import {
  evaluatePodSecurity,
  findLiteralCredentials,
  formatViolation,
  POD_SECURITY_POLICY_VERSION,
  type PodSecurityLevel,
} from './pod-security';
import {
  formatProblem,
  type RuleOptions,
  type ValidationError,
  validateAppByManifest,
  validateManifest,
} from './rules';

/**
 * Options for the synth-time checks, set per app, chart or construct with `configureChecks()`.
 */
export interface ChecksOptions extends RuleOptions {
  /**
   * The Pod Security Standard every checked Pod must meet.
   * @default 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Env var names that look like credentials but are allowed a literal value (not secrets).
   * @default - none: every credential-like env var must come from a Secret
   */
  readonly allowLiteralEnv?: readonly string[];
}

/**
 * What the checks computed for one `App.synth()`/`synthYaml()`. cdk8s validates the whole app
 * once, then again for every chart it serializes; within one synth nothing can change between
 * those passes, so the first pass does the work and the others reuse it.
 */
interface Session {
  rendered: boolean;
  readonly problems: Map<ApiObject, string[]>;
}

/**
 * The checks of one construct tree: which objects they cover and with which options.
 *
 * Every object's manifest is rendered once per synth, by a validation on the tree's root
 * (the first construct cdk8s validates); the object's own validation reads it, and its
 * `toJson()` hands the same manifest to the synth instead of rendering it a second time.
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
  private readonly objects = new Set<ApiObject>();
  /** Objects the whole-app rules must see (e.g. a plain Pod a Service selects), not checked themselves. */
  private readonly context = new Set<ApiObject>();
  private readonly scopes = new Set<IConstruct>();
  /** Manifests rendered by the current validation pass, handed back by `toJson()`. */
  private readonly rendered = new Map<ApiObject, unknown>();
  /** Whole-app problems of the current validation pass, filed under the object they belong to. */
  private readonly appProblems = new Map<ApiObject, ValidationError[]>();
  private session?: Session;

  private constructor(private readonly root: IConstruct) {
    root.node.addValidation({
      validate: () => {
        this.renderAll();
        return [];
      },
    });
    if (root instanceof App) this.scopeToSynth(root);
  }

  /** Checks `object` at every synth; problems are reported on `owner`. */
  public track(owner: IConstruct, object: ApiObject): void {
    this.objects.add(object);
    this.reuseRenderedManifest(object);
    owner.node.addValidation({ validate: () => this.problems(object) });
  }

  /** Lets the whole-app rules see `object` without checking it. */
  public include(object: ApiObject): void {
    this.context.add(object);
  }

  /** Checks every Pod and Service under `scope` (found at synth), reported on `scope`. */
  public trackAll(scope: IConstruct): void {
    this.scopes.add(scope);
    scope.node.addValidation({
      validate: () =>
        this.objectsUnder(scope)
          .filter(o => !this.objects.has(o))
          .flatMap(o => this.problems(o).map(p => `${o.node.path}: ${p}`)),
    });
  }

  /** The options that apply to a construct: the nearest setting of each, root last. */
  public optionsFor(construct: IConstruct): ChecksOptions {
    return Object.assign({}, ...construct.node.scopes.map(s => this.options.get(s)));
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
          this.session = { rendered: false, problems: new Map() };
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

  private renderAll(): void {
    if (this.session?.rendered) return;
    this.rendered.clear();
    this.appProblems.clear();
    const objects = new Set([
      ...this.objects,
      ...this.context,
      ...[...this.scopes].flatMap(s => this.objectsUnder(s)),
    ]);
    for (const object of objects) {
      this.reuseRenderedManifest(object);
      const manifest = renderOrUndefined(object);
      if (manifest !== undefined) this.rendered.set(object, manifest);
    }
    // Whole-app checks (node ports claimed twice, targets no Pod exposes) run once per synth;
    // each problem is reported by the object it belongs to.
    const owners = [...this.rendered.keys()];
    validateAppByManifest([...this.rendered.values()], this.optionsFor(this.root)).forEach((problems, i) => {
      if (problems.length > 0) this.appProblems.set(owners[i], problems);
    });
    if (this.session) this.session.rendered = true;
  }

  private problems(object: ApiObject): string[] {
    const known = this.session?.problems.get(object);
    if (known) return known;
    const problems = this.check(object);
    this.session?.problems.set(object, problems);
    return problems;
  }

  private check(object: ApiObject): string[] {
    const manifest = this.rendered.get(object) ?? renderOrUndefined(object);
    // An object that cannot render (e.g. a Pod without containers) is explained by its construct's own validation.
    if (manifest === undefined) return [];
    const options = this.optionsFor(object);
    const found: ValidationError[] = [
      ...validateManifest(manifest, options),
      ...findLiteralCredentials(manifest, { allow: options.allowLiteralEnv }),
      ...(this.appProblems.get(object) ?? []),
    ];
    for (const warning of found.filter(p => p.severity === 'warning')) {
      process.stderr.write(`warning: [${object.node.path}] ${formatProblem(warning)}\n`);
    }
    const level = options.podSecurity ?? 'restricted';
    const security = evaluatePodSecurity(manifest, level).map(
      v =>
        `${v.field}: violates PodSecurity "${level}:${POD_SECURITY_POLICY_VERSION}": ${formatViolation(v)}. Fix: ${v.fix}`,
    );
    return [...found.filter(p => p.severity === 'error').map(formatProblem), ...security];
  }

  private objectsUnder(scope: IConstruct): ApiObject[] {
    return scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
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
 * to every Pod and Service under `scope`, whichever construct made them: plain cdk8s-plus and
 * L1 objects included.
 */
export function checkAll(scope: IConstruct, options: ChecksOptions = {}): void {
  configureChecks(scope, options);
  Checks.of(scope).trackAll(scope);
}

/** Checks `object` at every synth, reporting problems on `owner`. Used by this package's constructs. */
export function trackForChecks(owner: IConstruct, object: ApiObject): void {
  Checks.of(owner).track(owner, object);
}

/** Lets the whole-app rules (e.g. Service targets) see `object` at synth without checking it. */
export function includeInAppChecks(object: ApiObject): void {
  Checks.of(object).include(object);
}
