import type { IResolver, ResolutionContext } from 'cdk8s';
import { ApiObject, App, Chart, Lazy, Testing } from 'cdk8s';
import { renderedLabels } from '../lib/rendered-labels';

/** Upper-cases every string it meets, as a user's resolver might rewrite values. */
class UpperCase implements IResolver {
  public resolve(context: ResolutionContext): void {
    const value = context.value;
    // A replaced value is resolved again: replace only what changes, or it never ends.
    if (typeof value === 'string' && value !== value.toUpperCase()) context.replaceValue(value.toUpperCase());
  }
}

function objectIn(chart: Chart, labels: Record<string, unknown>): ApiObject {
  const object = new ApiObject(chart, 'Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } });
  for (const [key, value] of Object.entries(labels)) object.metadata.addLabel(key, value as string);
  return object;
}

describe('renderedLabels', () => {
  test('plain string labels read from the metadata, by sorted key, as toJson() renders them', () => {
    const object = objectIn(Testing.chart(), { tier: 'web', app: 'shop' });
    const labels = renderedLabels(object);
    expect(labels).toEqual({ app: 'shop', tier: 'web' });
    expect(Object.keys(labels)).toEqual(['app', 'tier']);
    expect(labels).toEqual(object.metadata.toJson().labels);
  });

  test('the fast path reads the labels cdk8s keeps on ApiObjectMetadataDefinition (fails if an upgrade moves them)', () => {
    const object = objectIn(Testing.chart(), { app: 'shop' });
    expect((object.metadata as unknown as { labels: unknown }).labels).toEqual({ app: 'shop' });
  });

  test('a lazy label value is rendered as toJson() renders it', () => {
    const object = objectIn(Testing.chart(), { app: Lazy.any({ produce: () => 'shop' }) });
    expect(renderedLabels(object)).toEqual({ app: 'shop' });
  });

  test('an App with its own resolver renders labels through it', () => {
    const chart = new Chart(new App({ resolvers: [new UpperCase()] }), 'chart');
    const object = objectIn(chart, { app: 'shop' });
    expect(renderedLabels(object)).toEqual({ app: 'SHOP' });
    expect(renderedLabels(object)).toEqual(object.metadata.toJson().labels);
  });

  test('no labels: an empty map', () => {
    expect(renderedLabels(objectIn(Testing.chart(), {}))).toEqual({});
  });
});
