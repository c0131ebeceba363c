import { createHash } from 'node:crypto';
import { bundleAad, manifestOf, sectionFile } from './disclosure-bundle';
import { bundleReadme } from './disclosure-files';

describe('a bundle manifest and README', () => {
  const request = {
    disclosureId: '0123abcd-0000-4000-8000-000000000000',
    individualId: '11111111-0000-4000-8000-000000000000',
    format: 'json' as const,
    sections: ['profile' as const, 'records' as const],
    requestedAt: new Date('2026-12-01T00:00:00Z'),
  };

  it('lists every file with its size, SHA-256 (hex, as sha256sum prints) and the schema of its section', () => {
    const readme = { name: 'README.md', section: null, content: Buffer.from('readme') };
    const profile = sectionFile('profile', 'json', '{"individualId":"x"}\n');
    const manifest = manifestOf(request, [readme, profile], new Date('2026-12-02T00:00:00Z'));
    expect(manifest.files).toEqual([
      {
        name: 'README.md',
        section: null,
        mediaType: 'text/markdown; charset=utf-8',
        bytes: 6,
        sha256: createHash('sha256').update('readme').digest('hex'),
        schema: null,
      },
      {
        name: 'profile.json',
        section: 'profile',
        mediaType: 'application/json',
        bytes: profile.content.length,
        sha256: createHash('sha256').update(profile.content).digest('hex'),
        schema: 'https://infobank.example/schemas/disclosure/profile.schema.json',
      },
    ]);
    expect(manifest).toEqual(expect.objectContaining({ requestedAt: '2026-12-01T00:00:00.000Z', generatedAt: '2026-12-02T00:00:00.000Z' }));
  });

  it('explains each file in Japanese first, then English', () => {
    const readme = bundleReadme({ ...request, generatedAt: '2026-12-02T00:00:00.000Z' }, 'https://infobank.example/schemas/disclosure/');
    expect(readme.indexOf('# 開示請求の回答')).toBeLessThan(readme.indexOf('# Your disclosure'));
    for (const file of ['profile.json', 'records.json', 'manifest.json', 'manifest.jws']) {
      expect(readme.split(`\`${file}\``).length - 1).toBeGreaterThanOrEqual(2);
    }
    expect(readme).not.toContain('notices.json');
  });

  it('binds the encrypted bundle to its request and individual', () => {
    expect(bundleAad('a', 'b').equals(bundleAad('a', 'c'))).toBe(false);
  });
});
