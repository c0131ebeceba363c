import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetricsRegistry } from '../../metrics/infrastructure/metrics.registry';
import { ACCEPTED_VARIABLES, CONFIG_VARIABLES, FILE_READABLE_SECRETS } from './config.schema';

// js-yaml arrives with @nestjs/swagger (no types of its own); its core schema leaves merge keys (<<) to us.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load(text: string): unknown };

type Node = Record<string, any>;

const DOCKER = join(__dirname, '..', '..', '..', '..', '..', 'docker');

/** Applies YAML merge keys (`<<: *anchor` or a list of anchors), as Docker compose does; explicit keys win. */
function merged(value: unknown): any {
  if (Array.isArray(value)) return value.map(merged);
  if (typeof value !== 'object' || value === null) return value;
  const { '<<': bases, ...own } = value as Node;
  const inherited = (Array.isArray(bases) ? bases : bases === undefined ? [] : [bases]).map(merged);
  const result: Node = Object.assign({}, ...inherited);
  for (const [key, child] of Object.entries(own)) result[key] = merged(child);
  return result;
}

function yamlFile(...path: string[]): Node {
  return merged(load(readFileSync(join(DOCKER, ...path), 'utf8'))) as Node;
}

const compose = yamlFile('compose.yml');
const services = Object.entries(compose.services as Node) as [string, Node][];
const infobankServices = services.filter(([, service]) => String(service.image).startsWith('infobank:'));
const appServices = infobankServices.filter(([name]) => name !== 'migrate');
const secretName = (entry: string | Node): string => (typeof entry === 'string' ? entry : entry.source);
const secretTarget = (entry: string | Node): string => (typeof entry === 'string' ? entry : (entry.target ?? entry.source));
const defaultOf = (name: string): string | undefined => CONFIG_VARIABLES.find((variable) => variable.name === name)?.default;

describe('docker/compose.yml (production)', () => {
  it('has the proxy, Postgres, Redis, the migration, four apps and the worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['ethics-board', 'gateway', 'intake', 'migrate', 'portal', 'postgres', 'prometheus', 'proxy', 'redis', 'worker'].sort(),
    );
  });

  it('references only services, secrets, volumes and networks it defines, and bind-mounts only files that exist', () => {
    const problems: string[] = [];
    for (const [name, service] of services) {
      const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependsOn) if (!compose.services[dependency]) problems.push(`${name} depends on unknown ${dependency}`);
      for (const entry of service.secrets ?? [])
        if (!compose.secrets?.[secretName(entry)]) problems.push(`${name}: unknown secret ${secretName(entry)}`);
      for (const volume of service.volumes ?? []) {
        const source = String(volume).split(':')[0];
        if (source.startsWith('.') || source.startsWith('/')) {
          if (!existsSync(join(DOCKER, source))) problems.push(`${name} mounts missing ${source}`);
        } else if (!(source in (compose.volumes ?? {}))) {
          problems.push(`${name}: unknown volume ${source}`);
        }
      }
      const networks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
      for (const network of networks) if (!(network in (compose.networks ?? {}))) problems.push(`${name}: unknown network ${network}`);
    }
    for (const [name, secret] of Object.entries(compose.secrets as Node)) {
      if (typeof secret.file !== 'string') problems.push(`secret ${name} names no file`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the Infobank services only variables the configuration accepts, secrets only as files it mounts', () => {
    const accepted = new Set(ACCEPTED_VARIABLES);
    const problems: string[] = [];
    for (const [name, service] of infobankServices) {
      const mounted = new Set((service.secrets ?? []).map((entry: string | Node) => `/run/secrets/${secretTarget(entry)}`));
      for (const [variable, value] of Object.entries(service.environment as Node)) {
        if (!accepted.has(variable)) problems.push(`${name}: ${variable} is not a variable the configuration reads`);
        if (FILE_READABLE_SECRETS.includes(variable)) problems.push(`${name}: ${variable} as a plain value; use ${variable}_FILE`);
        if (variable.endsWith('_FILE') && !mounted.has(String(value)))
          problems.push(`${name}: ${variable} names ${value}, not a mounted secret`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('can scale: no app or worker publishes a host port or fixes a container name, and the worker runs replicas', () => {
    for (const [name, service] of appServices) {
      expect(`${name}: ${service.ports ?? 'no ports'} ${service.container_name ?? ''}`).toBe(`${name}: no ports `);
    }
    expect(compose.services.worker.deploy.replicas).toBeGreaterThanOrEqual(2);
    const published = services.filter(([, service]) => service.ports !== undefined).map(([name]) => name);
    expect(published).toEqual(['proxy']);
  });

  it('locks every container down: read-only root, no capabilities but those named, no new privileges, resource limits', () => {
    for (const [name, service] of services) {
      expect({ name, readOnly: service.read_only }).toEqual({ name, readOnly: true });
      expect({ name, capDrop: service.cap_drop }).toEqual({ name, capDrop: ['ALL'] });
      expect({ name, securityOpt: service.security_opt }).toEqual({ name, securityOpt: ['no-new-privileges:true'] });
      expect({ name, limits: Object.keys(service.deploy?.resources?.limits ?? {}).sort() }).toEqual({ name, limits: ['cpus', 'memory'] });
    }
    for (const [name, service] of infobankServices) expect({ name, capAdd: service.cap_add }).toEqual({ name, capAdd: undefined });
  });

  it('checks the health of every app and every worker on the port the configuration gives it', () => {
    const environment = compose.services.worker.environment as Node;
    const ports: Record<string, string | undefined> = {
      portal: defaultOf('PORTAL_PORT'),
      intake: defaultOf('INTAKE_PORT'),
      gateway: defaultOf('GATEWAY_PORT'),
      'ethics-board': defaultOf('ETHICS_BOARD_PORT'),
      worker: environment.WORKER_PORT,
    };
    for (const [name, port] of Object.entries(ports)) {
      expect(compose.services[name].healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
      expect(compose.services[name].expose).toContain(port);
    }
  });

  it('runs Node 24 LTS', () => {
    expect(readFileSync(join(DOCKER, 'Dockerfile'), 'utf8')).toMatch(/^ARG NODE_IMAGE=node:24-/m);
  });

  it('the proxy balances each public host over the service and port of its app', () => {
    const caddyfile = readFileSync(join(DOCKER, 'caddy', 'Caddyfile'), 'utf8');
    const upstreams = [...caddyfile.matchAll(/^\s*import infobank_app (\S+) (\d+)$/gm)].map((match) => [match[1], match[2]]);
    expect(upstreams).toEqual([
      ['portal', defaultOf('PORTAL_PORT')],
      ['intake', defaultOf('INTAKE_PORT')],
      ['gateway', defaultOf('GATEWAY_PORT')],
      ['ethics-board', defaultOf('ETHICS_BOARD_PORT')],
    ]);
    const trusted = compose.services.portal.environment.TRUSTED_PROXIES;
    expect(compose.services.proxy.networks.infobank.ipv4_address).toBe(trusted);
  });

  it('Prometheus scrapes the metrics ports the configuration opens; the alert rules and the Grafana dashboard use metrics that exist', () => {
    const environment = compose.services.worker.environment as Node;
    const base = Number(environment.METRICS_PORT);
    const prometheus = yamlFile('monitoring', 'prometheus.yml');
    const targets = prometheus.scrape_configs.flatMap((job: Node) =>
      job.dns_sd_configs.map((config: Node) => `${config.names[0]}:${config.port}`),
    );
    expect(targets).toEqual([
      `portal:${base}`,
      `intake:${base + 1}`,
      `gateway:${base + 2}`,
      `ethics-board:${base + 3}`,
      `worker:${environment.WORKER_PORT}`,
    ]);

    const known = new Set<string>();
    for (const metric of new MetricsRegistry('test').registry.getMetricsAsArray()) {
      const name = (metric as unknown as { name: string }).name;
      for (const suffix of ['', '_bucket', '_count', '_sum']) known.add(`${name}${suffix}`);
    }
    const rules = yamlFile('monitoring', 'alert-rules.yml').groups.flatMap((group: Node) => group.rules) as Node[];
    const used = rules.flatMap((rule) => [...String(rule.expr).matchAll(/\binfobank_[a-z0-9_]+/g)].map((match) => match[0]));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
    for (const rule of rules) expect(existsSync(join(DOCKER, '..', rule.annotations.runbook))).toBe(true);

    const dashboard = readFileSync(join(DOCKER, '..', 'docs', 'operations', 'grafana', 'infobank-dashboard.json'), 'utf8');
    const charted = [...dashboard.matchAll(/\binfobank_[a-z0-9_]+/g)].map((match) => match[0]);
    expect(charted.length).toBeGreaterThan(10);
    expect(charted.filter((name) => !known.has(name))).toEqual([]);
  });
});
