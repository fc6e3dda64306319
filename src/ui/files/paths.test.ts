import { describe, expect, it } from 'vitest';
import { buildCommand, imageNameFor, isDockerfile, isWithin, nameProblem, shellWord } from './paths.ts';
import { languageOf } from './languages.ts';

describe('Files panel paths', () => {
  it('proposes a valid repository name from the build context folder', () => {
    expect(imageNameFor('/root/app')).toBe('app');
    expect(imageNameFor('/root/My App')).toBe('my-app');
    expect(imageNameFor('/srv/web__v2')).toBe('web__v2');
    expect(imageNameFor('/srv/-Hello.World-')).toBe('hello.world');
    expect(imageNameFor('/srv/a..b')).toBe('a-b');
    expect(imageNameFor('/')).toBe('app');
    expect(imageNameFor('/srv/___')).toBe('app');
  });

  it('types the build command a learner would, quoting only what needs it', () => {
    expect(buildCommand('/root/app/Dockerfile', 'app')).toBe('docker build -t app /root/app');
    expect(buildCommand('/root/app/Dockerfile', 'me/app:v2')).toBe('docker build -t me/app:v2 /root/app');
    expect(buildCommand('/srv/site/Dockerfile.dev', 'site')).toBe('docker build -t site -f /srv/site/Dockerfile.dev /srv/site');
    expect(buildCommand('/root/my app/Dockerfile', "it's")).toBe(`docker build -t 'it'\\''s' '/root/my app'`);
    expect(shellWord('a$b')).toBe("'a$b'");
  });

  it('knows Dockerfiles by name and picks a highlighting mode', () => {
    expect(['Dockerfile', 'Dockerfile.dev', 'Containerfile', 'web.dockerfile'].map((n) => isDockerfile(`/root/${n}`))).toEqual([true, true, true, true]);
    expect(isDockerfile('/root/Dockerfiles/readme')).toBe(false);
    expect(isDockerfile('/root/app/index.html')).toBe(false);
    expect(languageOf('/root/app/Dockerfile')).toBe('dockerfile');
    expect(languageOf('/root/.bashrc')).toBe('shell');
    expect(languageOf('/root/app/index.html')).toBe('html');
    expect(languageOf('/etc/nginx/conf.d/default.conf')).toBe('nginx');
    expect(languageOf('/root/compose.yaml')).toBe('yaml');
    expect(languageOf('/root/README.txt')).toBe('text');
  });

  it('checks new names before asking the engine', () => {
    expect(nameProblem('index.html')).toBeNull();
    expect(nameProblem('  ')).toBe('empty');
    expect(nameProblem('a/b')).toBe('slash');
    expect(nameProblem('..')).toBe('dots');
  });

  it('tells what lies inside a folder', () => {
    expect(isWithin('/root/app/x', '/root/app')).toBe(true);
    expect(isWithin('/root/app', '/root/app')).toBe(true);
    expect(isWithin('/root/apple', '/root/app')).toBe(false);
    expect(isWithin('/etc', '/')).toBe(true);
  });
});
