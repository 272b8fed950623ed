import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  checkManifests,
  evaluatePodSecurity,
  findLiteralCredentials,
  looksLikeCredentialName,
  podTemplateOf,
  validateApp,
  validateManifest,
} from '../lib';
import { expectSchemaValid } from './support/schema';

// What GitOps reads: the committed dist/, checked as a cluster would see it.
const distDir = path.join(__dirname, '..', 'dist');
const manifests: Record<string, any>[] = fs
  .readdirSync(distDir)
  .filter(f => f.endsWith('.k8s.yaml'))
  .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(distDir, f), 'utf8')).map(d => d.toJS()));
// Every pod-bearing object: the blog's Pod and the shop's workloads.
const podBearing = manifests.filter(m => podTemplateOf(m) !== undefined);

describe('the committed dist/', () => {
  test('holds the blog Pod and Service, then the shop', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Pod/pooh-db-nginx-pod',
      'Service/pooh-pod-service',
      'Namespace/shop',
      'Deployment/storefront',
      'Service/storefront',
      'Service/orders-db',
      'StatefulSet/orders-db',
      'DaemonSet/probe-agent',
      'CronJob/orders-vacuum',
    ]);
  });

  test.each(['v1.28', 'latest'] as const)(
    'every Pod and pod template passes Pod Security restricted (%s)',
    version => {
      expect(podBearing.map(m => m.kind)).toEqual([
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'CronJob',
      ]);
      for (const manifest of podBearing) {
        expect(evaluatePodSecurity(manifest, 'restricted', { version })).toEqual([]);
      }
    },
  );

  test('the engine finds no problem at all: rules, Pod Security, credentials, whole-app rules', () => {
    expect(checkManifests(manifests)).toEqual([]);
  });

  test('every object passes the API-server rules and the Kubernetes schema', () => {
    expect(manifests.flatMap(m => validateManifest(m))).toEqual([]);
    expect(validateApp(manifests)).toEqual([]);
    expectSchemaValid(manifests);
  });

  test('no credential-like env var carries a literal value', () => {
    expect(podBearing.flatMap(m => findLiteralCredentials(m))).toEqual([]);
    const envs = podBearing.flatMap(m =>
      ((podTemplateOf(m)?.spec.containers ?? []) as any[]).flatMap(c => c.env ?? []),
    );
    const credentials = envs.filter(e => looksLikeCredentialName(e.name));
    expect(credentials.map(e => e.name)).toEqual(['MYSQL_ROOT_PASSWORD', 'POSTGRES_PASSWORD', 'PGPASSWORD']);
    for (const env of credentials) {
      expect(env.value).toBeUndefined();
      expect(Object.keys(env.valueFrom)).toEqual(['secretKeyRef']);
    }
  });

  test('holds no Secret object: the password lives only in the cluster', () => {
    expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
  });
});
