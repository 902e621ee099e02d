// Prepares rendered chart manifests for `podman kube play`, which has no Kubernetes API behind
// it: keeps the ConfigMap and the Deployments of the named components, and writes each
// secretKeyRef's value from the rendered Secret into the container's env (podman does not read
// Kubernetes Secrets). Nothing else is changed: image, probes, securityContext, volumes, ports
// are the chart's, but for what the host network needs: no Service DNS, so the services' URLs
// point at 127.0.0.1 on their ports, and each pod gets its own metrics port.
// Usage: node kube-play-prep.mjs <rendered.yaml> <component>=<metrics port>… > play.yaml
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

const [file, ...components] = process.argv.slice(2);
const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const secret = docs.find((d) => d.kind === 'Secret');
const secretValue = (key) => secret?.stringData?.[key] ?? (secret?.data?.[key] ? Buffer.from(secret.data[key], 'base64').toString() : undefined);
const out = docs.filter((d) => d.kind === 'ConfigMap');
for (const cm of out) {
  for (const [k, v] of Object.entries(cm.data)) if (/^[A-Z]+_URL$/.test(k)) cm.data[k] = String(v).replace(/\/\/[^/:]+:/, '//127.0.0.1:');
  // Each pod's own metrics port comes in its env below; podman lets a ConfigMap's value win over
  // a container's env, so the shared one goes.
  delete cm.data.METRICS_PORT;
}
for (const arg of components) {
  const [name, metricsPort] = arg.split('=');
  const dep = docs.find((d) => d.kind === 'Deployment' && d.metadata.labels?.['app.kubernetes.io/component'] === name);
  if (!dep) throw new Error(`no Deployment for ${name}`);
  for (const c of dep.spec.template.spec.containers) {
    c.env = (c.env ?? []).flatMap((e) => {
      const ref = e.valueFrom?.secretKeyRef;
      if (!ref) return [e];
      const value = secretValue(ref.key);
      if (value === undefined || value === '') return ref.optional ? [] : [{ name: e.name, value: '' }];
      return [{ name: e.name, value }];
    });
    c.env.push({ name: 'METRICS_PORT', value: metricsPort });
    // On the host network a container port is the host's own: podman refuses a mapping of it,
    // so the named ports the probes use are written as numbers and the list is dropped.
    const byName = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
    for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) {
      if (probe?.httpGet && typeof probe.httpGet.port === 'string') probe.httpGet.port = byName[probe.httpGet.port];
    }
    delete c.ports;
  }
  dep.spec.replicas = 1;
  out.push(dep);
}
process.stdout.write(out.map((d) => YAML.stringify(d)).join('---\n'));
