// Validates rendered Kubernetes manifests (multi-document YAML on the command line's files)
// against the Kubernetes API schema, object by object, with kubernetes-models. Custom resources
// (cert-manager, KEDA) are checked for apiVersion, kind, metadata.name and spec only: their
// schemas are not in that package. Prints one line per kind; exit 1 on the first invalid object.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

const CUSTOM = new Set(['cert-manager.io/v1/Certificate', 'keda.sh/v1alpha1/ScaledObject']);
const counts = new Map();
let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length > 0) {
      console.error(`${file}: ${doc.errors[0].message}`);
      process.exit(1);
    }
    const obj = doc.toJS();
    if (!obj) continue;
    const { apiVersion, kind } = obj;
    const where = `${file}: ${kind} ${obj.metadata?.name}`;
    const id = `${apiVersion}/${kind}`;
    try {
      if (CUSTOM.has(id)) {
        if (!obj.metadata?.name || typeof obj.spec !== 'object') throw new Error('a custom resource needs metadata.name and spec');
      } else {
        // apps/v1 → kubernetes-models/apps/v1/Deployment; the core group's v1 → kubernetes-models/v1/Service
        const path = `kubernetes-models/${apiVersion}/${kind}`;
        const mod = await import(path);
        const Model = mod[kind];
        new Model(obj).validate();
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    } catch (err) {
      console.error(`INVALID ${where}: ${err.message}`);
      failed = true;
    }
  }
}
for (const [id, n] of [...counts].sort()) console.log(`    valid: ${n} × ${id}`);
process.exit(failed ? 1 : 0);
