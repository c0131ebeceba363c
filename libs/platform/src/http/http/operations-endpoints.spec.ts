import { loadConfig } from '../../config/infrastructure/load-config';
import { metricsPortFor, operationsExposure } from './operations-endpoints';

describe('where /metrics and /docs are served', () => {
  it('Given no METRICS_PORT outside production, then on the public port', () => {
    expect(operationsExposure(loadConfig({}), undefined)).toEqual({ onPublicPort: true, internalPort: undefined, token: undefined });
  });

  it('Given METRICS_PORT, then on the internal port only, one port per app', () => {
    const config = loadConfig({ METRICS_PORT: '9100' });
    expect([metricsPortFor(config, 'portal'), metricsPortFor(config, 'intake'), metricsPortFor(config, 'ethicsBoard')]).toEqual([
      9100, 9101, 9103,
    ]);
    expect(operationsExposure(config, 9101)).toMatchObject({ onPublicPort: false, internalPort: 9101 });
  });

  it('Given production without METRICS_PORT, then not on the public port (nor anywhere)', () => {
    const production = { ...loadConfig({}), environment: 'production' as const };
    expect(operationsExposure(production, undefined)).toMatchObject({ onPublicPort: false, internalPort: undefined });
  });

  it('Given METRICS_TOKEN, then the token is required wherever they are served', () => {
    const token = 'a'.repeat(40);
    expect(operationsExposure(loadConfig({ METRICS_TOKEN: token }), undefined).token).toBe(token);
  });
});
