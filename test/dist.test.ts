import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  evaluatePodSecurity,
  findLiteralCredentials,
  looksLikeCredentialName,
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
const pods = manifests.filter(m => m.kind === 'Pod');

describe('the committed dist/', () => {
  test('holds the blog Pod and Service', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Pod/pooh-db-nginx-pod',
      'Service/pooh-pod-service',
    ]);
  });

  test('every Pod passes Pod Security restricted (v1.28)', () => {
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) {
      expect(evaluatePodSecurity(pod, 'restricted')).toEqual([]);
    }
  });

  test('every object passes the API-server rules and the Kubernetes schema', () => {
    expect(manifests.flatMap(m => validateManifest(m))).toEqual([]);
    expect(validateApp(manifests)).toEqual([]);
    expectSchemaValid(manifests);
  });

  test('no credential-like env var carries a literal value', () => {
    expect(pods.flatMap(p => findLiteralCredentials(p))).toEqual([]);
    const envs = pods.flatMap(p => p.spec.containers.flatMap((c: any) => c.env ?? []));
    const credentials = envs.filter(e => looksLikeCredentialName(e.name));
    expect(credentials.map(e => e.name)).toEqual(['MYSQL_ROOT_PASSWORD']);
    for (const env of credentials) {
      expect(env.value).toBeUndefined();
      expect(env.valueFrom.secretKeyRef).toEqual({ name: 'pooh-db-secret', key: 'mysql-root-password' });
    }
  });

  test('holds no Secret object: the password lives only in the cluster', () => {
    expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
  });
});
