import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateWebApp } from './web-app.module';

describe('where a web app is found', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'web-app-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const built = (folder: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), '<!doctype html>');
  };

  it('finds dist/<folder> from the built tree (dist/libs/platform/src/http/http) and from the sources', () => {
    built(join(root, 'dist', 'board-web'));
    expect(locateWebApp('board-web', join(root, 'dist', 'libs', 'platform', 'src', 'http', 'http'))).toBe(join(root, 'dist', 'board-web'));
    expect(locateWebApp('board-web', join(root, 'libs', 'platform', 'src', 'http', 'http'))).toBe(join(root, 'dist', 'board-web'));
  });

  it('finds nothing for a web app that was not built, or another app’s folder', () => {
    built(join(root, 'dist', 'portal-web'));
    expect(locateWebApp('board-web', join(root, 'libs', 'platform', 'src', 'http', 'http'))).toBeNull();
  });
});
