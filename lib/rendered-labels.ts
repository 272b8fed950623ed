import type { ApiObject } from 'cdk8s';
import { App, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { isJsonObject } from './rules/json';

/** The resolvers every App has; with only these, a string label renders as itself. */
const BUILT_IN_RESOLVERS: readonly (abstract new () => unknown)[] = [
  LazyResolver,
  ImplicitTokenResolver,
  NumberStringUnionResolver,
];

/**
 * `object.metadata.toJson().labels`, without rendering the whole metadata when the labels are
 * plain strings and the App has only its built-in resolvers (which leave a string as it is): then
 * the rendered labels are the same strings, by sorted key. Anything else (a lazy value, a custom
 * resolver, a cdk8s whose metadata keeps its labels elsewhere) renders the metadata, as before.
 */
export function renderedLabels(object: ApiObject): Record<string, string> {
  const labels: unknown = (object.metadata as unknown as { readonly labels?: unknown }).labels;
  const resolvers = App.of(object).resolvers;
  const plain =
    isJsonObject(labels) &&
    resolvers.length === BUILT_IN_RESOLVERS.length &&
    resolvers.every((resolver, i) => resolver.constructor === BUILT_IN_RESOLVERS[i]);
  if (plain) {
    const rendered: Record<string, string> = {};
    for (const key of Object.keys(labels).sort()) {
      const value = labels[key];
      if (typeof value !== 'string') return object.metadata.toJson().labels ?? {};
      rendered[key] = value;
    }
    return rendered;
  }
  return object.metadata.toJson().labels ?? {};
}
